package dev.reckon.tck;

import static dev.reckon.tck.Checklist.notApplicable;
import static dev.reckon.tck.Checklist.require;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The properties of a task: levels easiest first, metrics declared, the same data at the same
 * seed (and other data at another), datasets of the size asked with answers that copies and
 * {@code withoutAnswers} keep or drop, predictions for other examples refused, a reference solver
 * that scores the best value, chance below it, scores and per-example outcomes within the
 * boundary's rules (outcomes agreeing with their scores), and nothing
 * changed by scoring. Data is made on the easiest and the hardest level, {@value #EXAMPLES}
 * examples each.
 */
public final class TaskChecks {
  static final int EXAMPLES = 12;
  static final long SEED = 7;
  /** How far from its best value a reference solver's score may be: rounding, not error. */
  private static final double BEST_TOLERANCE = 1e-6;

  private final TaskFactory factory;
  private final Config settings;
  private final Checklist list;
  private Task task;

  private TaskChecks(TaskFactory factory, Map<String, ?> settings, Consumer<Check> sink) {
    this.factory = factory;
    this.settings = Config.resolve(factory.settings(), settings);
    this.list = new Checklist("task " + factory.id(), sink);
  }

  /**
   * Checks {@code factory}'s task at {@code settings} (the rest at their defaults).
   *
   * @param chance a model that guesses (the distribution's {@code uniform}), to compare with the
   *     reference solver; empty to leave that property out
   */
  public static List<Check> of(TaskFactory factory, Map<String, ?> settings, Optional<ModelFactory> chance) {
    return run(factory, settings, chance, check -> { });
  }

  /** As {@link #of}, handing each check to {@code sink} as soon as it is made. */
  static List<Check> run(TaskFactory factory, Map<String, ?> settings, Optional<ModelFactory> chance,
      Consumer<Check> sink) {
    TaskChecks checks = new TaskChecks(factory, settings, sink);
    checks.run(chance);
    return checks.list.checks();
  }

  private void run(Optional<ModelFactory> chance) {
    list.check("is made from its settings", () -> {
      task = factory.create(new TaskContext(settings, SEED));
      require(task != null, "create returned null");
    });
    if (task == null) {
      return;
    }
    list.check("lists its levels, easiest first", this::levelsInOrder);
    list.check("declares its metrics", this::metricsDeclared);
    List<Level> sample = sampleLevels();
    for (Level level : sample) {
      list.check("same seed, same data (" + level.id() + ")", () -> sameData(level));
    }
    Level hardest = sample.isEmpty() ? null : sample.get(sample.size() - 1);
    list.check("another seed, other data", () -> otherData(hardest));
    list.check("gives the examples asked for, with answers to drop and copies to keep", () -> datasetShape(hardest));
    list.check("refuses predictions for other examples", () -> refusesOthers(hardest));
    for (Level level : sample) {
      list.check("its reference solver scores the best value (" + level.id() + ")", () -> solverIsBest(level));
    }
    list.check("scoring leaves answers and predictions as they were", () -> scoringChangesNothing(hardest));
    list.check("chance scores worse than its reference solver", () -> chanceIsWorse(hardest, chance));
  }

  private void levelsInOrder() {
    List<Level> levels = task.levels();
    require(levels != null && !levels.isEmpty(), "levels() is empty; a task has at least one level");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      require(level != null, "level " + i + " is null");
      SafeNames.require("level id", level.id());
      require(ids.add(level.id()), "level id '" + level.id() + "' is listed twice");
      BoundaryRules.checkLevel(factory.id(), level.id(), level);
      BoundaryRules.checkLevel(factory.id(), level.id(), task.level(level.id()));
      if (i > 0) {
        Level before = levels.get(i - 1);
        require(before.difficulty() <= level.difficulty(), "level " + level.id() + " (difficulty "
            + level.difficulty() + ") comes after " + before.id() + " (difficulty " + before.difficulty()
            + "); levels are listed easiest first");
      }
    }
  }

  private void metricsDeclared() {
    List<Metric> metrics = task.metrics();
    require(metrics != null && !metrics.isEmpty(), "metrics() is empty; the first metric ranks the leaderboards");
    Set<String> ids = new HashSet<>();
    for (Metric metric : metrics) {
      require(metric != null, "a metric is null");
      SafeNames.require("metric", metric.id());
      require(ids.add(metric.id()), "metric '" + metric.id() + "' is declared twice");
    }
  }

  /** The easiest and the hardest level; empty when the levels are unreadable. */
  private List<Level> sampleLevels() {
    try {
      List<Level> levels = task.levels();
      return levels.size() == 1 ? List.of(levels.get(0)) : List.of(levels.get(0), levels.get(levels.size() - 1));
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private void sameData(Level level) {
    Dataset first = task.generate(level, EXAMPLES, SEED);
    Task again = factory.create(new TaskContext(settings, SEED));
    Dataset second = again.generate(again.level(level.id()), EXAMPLES, SEED);
    DeepEquality.difference(first, second).ifPresent(where -> {
      throw new Checklist.Broken("two tasks at one seed made different data at data seed " + SEED + ": " + where);
    });
  }

  private void otherData(Level level) {
    requireLevel(level);
    Dataset first = task.generate(level, EXAMPLES, SEED);
    Dataset second = task.generate(level, EXAMPLES, SEED + 1);
    require(DeepEquality.difference(first, second).isPresent(), "data seeds " + SEED + " and " + (SEED + 1)
        + " gave the same " + EXAMPLES + " examples of " + level.id() + "; the data seed must choose the examples");
  }

  private void datasetShape(Level level) {
    requireLevel(level);
    Dataset data = task.generate(level, EXAMPLES, SEED);
    require(data != null, "generate returned null");
    require(data.size() == EXAMPLES, "asked for " + EXAMPLES + " examples, got " + data.size());
    require(data.hasAnswers(), "a generated dataset says it has no answers");
    Dataset inputs = data.withoutAnswers();
    require(!inputs.hasAnswers(), "withoutAnswers() still says it has answers");
    require(inputs.size() == EXAMPLES, "withoutAnswers() has " + inputs.size() + " examples, not " + EXAMPLES);
    DeepEquality.difference(data, data.copy()).ifPresent(where -> {
      throw new Checklist.Broken("copy() differs from the dataset: " + where);
    });
  }

  private void refusesOthers(Level level) {
    requireLevel(level);
    Task.ReferenceSolver solver = solver();
    Predictions forMore = solver.solve(task.generate(level, EXAMPLES + 1, SEED).withoutAnswers());
    Dataset data = task.generate(level, EXAMPLES, SEED);
    try {
      data.check(forMore);
    } catch (IllegalArgumentException expected) {
      return;
    }
    throw new Checklist.Broken("check() accepted predictions for " + (EXAMPLES + 1) + " examples against a dataset of "
        + EXAMPLES);
  }

  private void solverIsBest(Level level) {
    Metric primary = task.metrics().get(0);
    Dataset data = task.generate(level, EXAMPLES, SEED);
    List<Score> scores = scored(level, data, solver().solve(data.withoutAnswers()), "its reference solver");
    double best = bestValue(primary);
    for (Score score : scores) {
      if (score.metric().equals(primary.id())) {
        require(Math.abs(score.value() - best) <= BEST_TOLERANCE, "its reference solver scored " + primary.id() + " = "
            + score.value() + " at " + score.iterations() + " iterations on " + level.id() + "; the best is " + best);
      }
    }
  }

  private void scoringChangesNothing(Level level) {
    requireLevel(level);
    Dataset data = task.generate(level, EXAMPLES, SEED);
    Dataset kept = data.copy();
    Predictions predictions = solver().solve(data.withoutAnswers());
    Predictions again = solver().solve(kept.withoutAnswers());
    task.scoreWithOutcomes(data, predictions);
    DeepEquality.difference(kept, data).ifPresent(where -> {
      throw new Checklist.Broken("scoreWithOutcomes() changed the answers: " + where);
    });
    DeepEquality.difference(again, predictions).ifPresent(where -> {
      throw new Checklist.Broken("scoreWithOutcomes() changed the predictions: " + where);
    });
  }

  private void chanceIsWorse(Level level, Optional<ModelFactory> chance) {
    requireLevel(level);
    ModelFactory guesser = chance.orElseThrow(() -> notApplicable("no chance model given"));
    if (!guesser.supports(task).supported()) {
      throw notApplicable(guesser.id() + " does not guess on this task's format (" + task.format().id() + ")");
    }
    Metric primary = task.metrics().get(0);
    Dataset data = task.generate(level, EXAMPLES, SEED);
    double solved = last(scored(level, data, solver().solve(data.withoutAnswers()), "its reference solver"), primary);
    Predictions guesses;
    try (var model = guesser.create(new ModelContext(task, Config.resolve(guesser.settings(), Map.of()), SEED, "cpu"))) {
      guesses = model.predict(data.copy().withoutAnswers());
    }
    double guessed = last(scored(level, data, guesses, guesser.id()), primary);
    require(primary.direction().better(solved, guessed), guesser.id() + " scored " + primary.id() + " = " + guessed
        + " on " + level.id() + ", no worse than the reference solver's " + solved);
  }

  /**
   * The predictions, their scores and their outcomes pass the runner's boundary rules; the primary
   * metric is at every count.
   */
  private List<Score> scored(Level level, Dataset data, Predictions predictions, String who) {
    BoundaryRules.checkPredictions(who, level.id(), data.withoutAnswers(), predictions, task.metrics());
    Task.Scoring scoring = task.scoreWithOutcomes(data, predictions);
    List<Score> scores = scoring.scores();
    BoundaryRules.checkScores(factory.id(), level.id(), scores, task.metrics());
    BoundaryRules.checkOutcomes(factory.id(), level.id(), scoring.outcomes(), scores, data.size(), task.metrics());
    Metric primary = task.metrics().get(0);
    for (int iterations : predictions.iterations()) {
      require(scores.stream().anyMatch(s -> s.metric().equals(primary.id()) && s.iterations() == iterations),
          "score() gave no " + primary.id() + " at " + iterations + " iterations, an iteration count of the predictions");
    }
    return scores;
  }

  private static double last(List<Score> scores, Metric metric) {
    return scores.stream().filter(s -> s.metric().equals(metric.id())).reduce((a, b) -> b).orElseThrow().value();
  }

  private static double bestValue(Metric metric) {
    return metric.best().orElseThrow(() -> notApplicable("the best value of " + metric.id() + " (" + metric.unit()
        + ", higher is better) is unknown"));
  }

  private Task.ReferenceSolver solver() {
    return task.referenceSolver().orElseThrow(() -> notApplicable("the task has no reference solver"));
  }

  private static void requireLevel(Level level) {
    if (level == null) {
      throw notApplicable("the task's levels cannot be read");
    }
  }
}
