package dev.reckon.runner.execution;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import dev.reckon.runner.execution.CellOutcome.Budget;
import dev.reckon.runner.execution.CellOutcome.BudgetScore;
import dev.reckon.runner.execution.CellOutcome.Compute;
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

  private final DiscoveredModel model;
  private final Task task;
  private final CellKey key;
  private final Clock clock;
  private final Map<String, Dataset> answers = new HashMap<>();

  CellWork(DiscoveredModel model, Task task, CellKey key, Clock clock) {
    this.model = model;
    this.task = task;
    this.key = key;
    this.clock = clock;
  }

  CellOutcome run(ModelContext context, Level train, List<Level> eval, int trainSize, int evalSize,
      List<Double> computeBudgets, Checkpoints.ForCell checkpoints, CellTrainingLog log) throws IOException {
    long trainSeed = Seeds.trainingData(key.seed(), key.task(), key.trainLevel());
    if (model.factory().learns()) {
      ComputeDevice.withoutAutogradOnThisThread();
    }
    try (Model instance = model.create(context)) {
      List<BudgetScore> budgetScores = new ArrayList<>();
      List<ProbeFit> probes = new ArrayList<>();
      log.evaluateAt(new ComputeBudgets(computeBudgets, budget -> {
        evaluate(instance, eval, evalSize, log).forEach(score -> budgetScores.add(new BudgetScore(budget, score)));
        probe(instance, budget).ifPresent(probes::add);
      }));
      long start = System.nanoTime();
      String reason = "";
      if (model.factory().learns()) {
        Optional<Path> saved = checkpoints.loadFrom();
        if (saved.isPresent()) {
          instance.load(saved.get());
          reason = "evaluated from the checkpoint in " + checkpoints.loadFromName();
        } else {
          Dataset training = task.generate(train, trainSize, trainSeed);
          try (ResidentMemory resident = new ResidentMemory()) {
            instance.train(training.copy(), log);
            resident.peakGrowthMegabytes().ifPresent(mb -> log.recordAtLastUpdate(RunFormat.RSS_GROWTH, mb));
          }
          Path folder = checkpoints.saveTo();
          Files.createDirectories(folder);
          instance.save(folder);
        }
      }
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      Compute compute = new Compute(log.trainingFlops(), budgetScores, probes, probe(instance, null));
      start = System.nanoTime();
      List<LevelScore> scores = evaluate(instance, eval, evalSize, log);
      double evalSeconds = (System.nanoTime() - start) / 1e9;
      if (model.factory().usesReferenceSolver()) {
        reason = "a reference model, not a contestant: it was given the task's reference solver";
      }
      return new CellOutcome(key, Status.DONE, reason, scores, log.curve(), instance.trainedIterations(),
          instance.parameterCount(), trainSeconds, evalSeconds, trainSeed, context.seed(), clock.instant(),
          log.collapse(), compute);
    }
  }

  /** Predicts every level's examples (made once per cell) and scores them. */
  private List<LevelScore> evaluate(Model instance, List<Level> eval, int evalSize, CellTrainingLog log) {
    List<Metric> metrics = task.metrics();
    List<LevelScore> scores = new ArrayList<>();
    for (Level level : eval) {
      Dataset levelAnswers = answers.computeIfAbsent(level.id(),
          id -> task.generate(level, evalSize, Seeds.evaluationData(key.seed(), key.task(), id)));
      Dataset inputs = levelAnswers.withoutAnswers();
      Predictions predictions = instance.predict(inputs.copy());
      BoundaryRules.checkPredictions(key.model(), level.id(), inputs, predictions, metrics);
      List<Score> taskScores = task.score(levelAnswers, predictions);
      BoundaryRules.checkScores(key.task(), level.id(), taskScores, metrics);
      List<Score> levelScores = new ArrayList<>(taskScores);
      levelScores.addAll(predictions.measurements());
      for (Score score : levelScores) {
        scores.add(new LevelScore(level.id(), level.difficulty(), score));
      }
      log.checkDeadline();
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
