package dev.reckon.runner.execution;

import dev.reckon.reports.format.OutcomeBits;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import dev.reckon.runner.execution.CellOutcome.Budget;
import dev.reckon.runner.execution.CellOutcome.BudgetScore;
import dev.reckon.runner.execution.CellOutcome.Compute;
import dev.reckon.runner.execution.CellOutcome.Examples;
import dev.reckon.runner.execution.CellOutcome.LevelOutcomes;
import dev.reckon.runner.execution.CellOutcome.LevelScore;
import dev.reckon.runner.execution.CellOutcome.ProbeFit;
import dev.reckon.runner.execution.CellOutcome.Status;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.tck.BoundaryRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cell's work, in the cell's own process: train the model (or load it), evaluate it on every
 * level, score. The model gets its own copy of every dataset, so nothing it does to its inputs
 * reaches the answers the task scores against; everything it returns passes {@link
 * BoundaryRules} first. A model that reports its training FLOPs is also evaluated at the suite's
 * compute budgets on the way, on the same examples, and a model with token embeddings is probed
 * for what the task's tokens stand for.
 */
final class CellWork {
  /** The most embedding numbers the probe takes from a model (a million tokens of width 64). */
  private static final long MAX_EMBEDDING_NUMBERS = 64_000_000L;

  /**
   * What a cell is run on: its task at the cell's seed, levels, sizes, compute budgets and
   * checkpoints, and the log its model reports to.
   */
  record Plan(Task task, Level train, List<Level> eval, int trainSize, int evalSize, List<Double> computeBudgets,
      Checkpoints.ForCell checkpoints, CellTrainingLog log) {}

  private final DiscoveredModel model;
  private final CellKey key;
  private final Plan plan;
  private final Task task;
  private final Clock clock;
  private final Map<String, Dataset> answers = new HashMap<>();
  private final Map<String, String> evalSha256 = new LinkedHashMap<>();
  private String trainSha256 = "";
  private final List<BudgetScore> budgetScores = new ArrayList<>();
  private final List<ProbeFit> probes = new ArrayList<>();

  CellWork(DiscoveredModel model, CellKey key, Plan plan, Clock clock) {
    this.model = model;
    this.key = key;
    this.plan = plan;
    this.task = plan.task();
    this.clock = clock;
  }

  /** Trains (or loads) a model of its own for {@code context} and evaluates it. */
  CellOutcome run(ModelContext context) throws IOException {
    if (model.factory().learns()) {
      ComputeDevice.withoutAutogradOnThisThread();
    }
    try (Model instance = model.create(context)) {
      watchBudgets(instance);
      long start = System.nanoTime();
      String reason = "";
      int trained = 0;
      if (model.factory().learns()) {
        Optional<Path> saved = plan.checkpoints().loadFrom();
        if (saved.isPresent()) {
          instance.load(saved.get());
          reason = "evaluated from the checkpoint in " + plan.checkpoints().loadFromName();
        } else {
          Dataset training = trainingSet();
          try (ResidentMemory resident = new ResidentMemory()) {
            instance.train(training.copy(), plan.log());
            resident.peakGrowthMegabytes().ifPresent(mb -> plan.log().recordAtLastUpdate(RunFormat.RSS_GROWTH, mb));
          }
          save(instance);
          trained = 1;
        }
      }
      return finish(instance, context, reason, (System.nanoTime() - start) / 1e9, trained);
    }
  }

  /**
   * Trains the seeds of {@code group} as one network, the cell of seed i being {@code works.get(i)};
   * each seed's training time and memory are its share of the group's, the group's divided by its
   * seeds. Returns that time, in seconds.
   */
  static double trainGroup(SeedGroup group, List<CellWork> works) {
    int seeds = works.size();
    for (int i = 0; i < seeds; i++) {
      works.get(i).watchBudgets(group.member(i));
    }
    long start = System.nanoTime();
    List<Dataset> training = works.stream().map(work -> work.trainingSet().copy()).toList();
    List<TrainingLog> logs = works.stream().map(work -> (TrainingLog) work.plan.log()).toList();
    try (ResidentMemory resident = new ResidentMemory()) {
      group.train(training, logs);
      resident.peakGrowthMegabytes().ifPresent(mb -> works.forEach(
          work -> work.plan.log().recordAtLastUpdate(RunFormat.RSS_GROWTH, mb / seeds)));
    }
    return (System.nanoTime() - start) / 1e9 / seeds;
  }

  /** Saves and evaluates {@code member}, this cell's seed of a group of {@code seeds} trained at once. */
  CellOutcome finishMember(Model member, ModelContext context, double trainSeconds, int seeds) throws IOException {
    save(member);
    return finish(member, context, "", trainSeconds, seeds);
  }

  private Dataset trainingSet() {
    Dataset training = task.generate(plan.train(), plan.trainSize(), trainSeed());
    trainSha256 = DataFingerprint.sha256(training).orElse("");
    return training;
  }

  private long trainSeed() {
    return Seeds.trainingData(key.seed(), key.task(), key.trainLevel());
  }

  private void save(Model instance) throws IOException {
    Path folder = plan.checkpoints().saveTo();
    Files.createDirectories(folder);
    instance.save(folder);
  }

  /** Has {@code instance} evaluated and probed as its training FLOPs reach the compute budgets. */
  private void watchBudgets(Model instance) {
    plan.log().evaluateAt(new ComputeBudgets(plan.computeBudgets(), budget -> {
      evaluate(instance, null).forEach(score -> budgetScores.add(new BudgetScore(budget, score)));
      probe(instance, budget).ifPresent(probes::add);
    }));
  }

  /** Evaluates the trained {@code instance} on every level: the cell's outcome. */
  private CellOutcome finish(Model instance, ModelContext context, String trainedReason, double trainSeconds,
      int seedGroup) {
    CellTrainingLog log = plan.log();
    Compute compute = new Compute(log.trainingFlops(), budgetScores, probes, probe(instance, null));
    long start = System.nanoTime();
    List<LevelOutcomes> outcomes = new ArrayList<>();
    List<LevelScore> scores = evaluate(instance, outcomes);
    double evalSeconds = (System.nanoTime() - start) / 1e9;
    String reason = model.factory().usesReferenceSolver()
        ? "a reference model, not a contestant: it was given the task's reference solver"
        : trainedReason;
    return new CellOutcome(key, Status.DONE, reason, scores, log.curve(), instance.trainedIterations(),
        instance.parameterCount(), trainSeconds, evalSeconds, trainSeed(), context.seed(), clock.instant(),
        log.collapse(), compute, seedGroup, new Examples(trainSha256, evalSha256, outcomes));
  }

  /**
   * Predicts every level's examples (made once per cell, with their sha256) and scores them; puts
   * the task's per-example outcomes into {@code outcomes}, or skips them when it is null (at a
   * compute budget, where only scores are kept).
   */
  private List<LevelScore> evaluate(Model instance, List<LevelOutcomes> outcomes) {
    List<Metric> metrics = task.metrics();
    List<LevelScore> scores = new ArrayList<>();
    for (Level level : plan.eval()) {
      Dataset levelAnswers = answers.computeIfAbsent(level.id(), id -> {
        Dataset generated = task.generate(level, plan.evalSize(), Seeds.evaluationData(key.task(), id));
        DataFingerprint.sha256(generated).ifPresent(sha -> evalSha256.put(id, sha));
        return generated;
      });
      Dataset inputs = levelAnswers.withoutAnswers();
      Predictions predictions = instance.predict(inputs.copy());
      BoundaryRules.checkPredictions(key.model(), level.id(), inputs, predictions, metrics);
      Task.Scoring scoring = task.scoreWithOutcomes(levelAnswers, predictions);
      List<Score> taskScores = scoring.scores();
      BoundaryRules.checkScores(key.task(), level.id(), taskScores, metrics);
      if (outcomes != null) {
        BoundaryRules.checkOutcomes(key.task(), level.id(), scoring.outcomes(), taskScores, levelAnswers.size(),
            metrics);
        for (ExampleOutcomes outcome : scoring.outcomes()) {
          outcomes.add(new LevelOutcomes(level.id(), outcome.metric(), outcome.iterations(), outcome.n(),
              OutcomeBits.encode(outcome.counted(), outcome.n())));
        }
      }
      List<Score> levelScores = new ArrayList<>(taskScores);
      levelScores.addAll(predictions.measurements());
      for (Score score : levelScores) {
        scores.add(new LevelScore(level.id(), level.difficulty(), score));
      }
      plan.log().checkDeadline();
    }
    return scores;
  }

  /** The linear probe of the model's token embeddings, when the task's tokens stand for points. */
  private Optional<ProbeFit> probe(Model instance, Budget at) {
    Optional<double[][]> coordinates = task.tokenCoordinates();
    if (coordinates == null || coordinates.isEmpty()) {
      return Optional.empty();
    }
    Optional<float[][]> embeddings = instance.tokenEmbeddings();
    if (embeddings == null || embeddings.isEmpty()) {
      return Optional.empty();
    }
    double[][] points = coordinates.get();
    BoundaryRules.checkTokenCoordinates(key.task(), points);
    BoundaryRules.checkTokenEmbeddings(key.model(), embeddings.get(), points.length, MAX_EMBEDDING_NUMBERS);
    LinearProbe.Fit fit = LinearProbe.fit(embeddings.get(), points, Seeds.probe(key.seed(), key.task()));
    return Optional.of(new ProbeFit(at, fit.r2(), fit.shuffledR2(), points.length));
  }
}
