package dev.reckon.tck;

import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a plugin returns is checked here: the runner before a cell's results are stored, the
 * conformance checks before a jar is dropped in. A model's predictions and measurements, and a
 * task's scores and outcomes; a broken rule is a sentence naming the plugin and the rule.
 */
public final class BoundaryRules {
  private BoundaryRules() {}

  /** Thrown for a broken rule; its message is the cell's reason. */
  public static final class Violation extends RuntimeException {
    Violation(String message) {
      super(message);
    }
  }

  /**
   * The model's predictions for {@code inputs}: present, iteration counts strictly ascending and
   * positive, the shape the dataset checks, measurements finite and not named like a task metric.
   */
  public static void checkPredictions(String model, String level, Dataset inputs, Predictions predictions,
      List<Metric> taskMetrics) {
    String who = "model " + model + " on level " + level + " ";
    if (predictions == null) {
      throw new Violation(who + "returned no predictions (null)");
    }
    int[] iterations = predictions.iterations();
    if (iterations == null || iterations.length == 0) {
      throw new Violation(who + "gave no iteration counts; a model without iterations reports [1]");
    }
    for (int i = 0; i < iterations.length; i++) {
      if (iterations[i] < 1 || (i > 0 && iterations[i] <= iterations[i - 1])) {
        throw new Violation(who + "gave iteration counts " + java.util.Arrays.toString(iterations)
            + "; they must be positive and strictly ascending");
      }
    }
    try {
      inputs.check(predictions);
    } catch (IllegalArgumentException e) {
      throw new Violation(who + "gave predictions of the wrong shape: " + e.getMessage());
    }
    List<Score> measurements = predictions.measurements();
    if (measurements == null) {
      throw new Violation(who + "returned null measurements");
    }
    Set<String> metricNames = taskMetrics.stream().map(Metric::id).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    for (Score score : measurements) {
      if (score == null) {
        throw new Violation(who + "returned a null measurement");
      }
      if (metricNames.contains(score.metric())) {
        throw new Violation(who + "measured '" + score.metric() + "', the name of one of the task's metrics; a "
            + "model's measurements may not stand in for the task's scores");
      }
      checkScore(who + "measured", score, seen);
    }
  }

  /**
   * The task's scores: only metrics it declares, each finite, once per iteration count, inside its
   * interval, and a fraction's in [0, 1].
   */
  public static void checkScores(String task, String level, List<Score> scores, List<Metric> taskMetrics) {
    String who = "task " + task + " on level " + level + " ";
    if (scores == null) {
      throw new Violation(who + "returned no scores (null)");
    }
    Set<String> metricNames = taskMetrics.stream().map(Metric::id).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    for (Score score : scores) {
      if (score == null || !metricNames.contains(score.metric())) {
        throw new Violation(who + "scored " + (score == null ? "null" : "'" + score.metric() + "'")
            + ", which is not one of its metrics " + metricNames.stream().sorted().toList());
      }
      checkScore(who + "scored", score, seen);
      Metric metric = taskMetrics.stream().filter(m -> m.id().equals(score.metric())).findFirst().orElseThrow();
      if (metric.unit().equals(Metric.FRACTION) && (score.value() < 0 || score.value() > 1)) {
        throw new Violation(who + "scored " + score.metric() + " = " + score.value() + ", but it is a fraction: in "
            + "[0, 1]");
      }
      if (score.value() < score.ciLow() || score.value() > score.ciHigh()) {
        throw new Violation(who + "scored " + score.metric() + " = " + score.value() + " outside its interval ["
            + score.ciLow() + ", " + score.ciHigh() + "]");
      }
    }
  }

  /**
   * The level a task gave for {@code id}: that level, not another (results are keyed by its id),
   * with a finite difficulty (it orders the levels).
   */
  public static Level checkLevel(String task, String id, Level level) {
    String who = "task " + task + " ";
    if (level == null || !id.equals(level.id())) {
      throw new Violation(who + "gave " + (level == null ? "null" : "level '" + level.id() + "'") + " for level '"
          + id + "'");
    }
    if (!Double.isFinite(level.difficulty())) {
      throw new Violation(who + "gave level '" + id + "' difficulty " + level.difficulty() + "; it must be finite");
    }
    return level;
  }

  /** A training curve's name: a {@linkplain SafeNames safe name}, since it becomes a row of training.csv. */
  public static void checkCurve(String model, String curve) {
    try {
      SafeNames.require("training curve", curve);
    } catch (IllegalArgumentException e) {
      throw new Violation("model " + model + " recorded a curve under a bad name: " + e.getMessage());
    }
  }

  /**
   * The task's per-example outcomes beside its scores of the same predictions: each of a metric
   * measured as a fraction, once per iteration count, over every one of the {@code examples}, and
   * agreeing with its score (the examples counted / n is the score's value, over the same n).
   */
  public static void checkOutcomes(String task, String level, List<ExampleOutcomes> outcomes, List<Score> scores,
      int examples, List<Metric> taskMetrics) {
    String who = "task " + task + " on level " + level + " ";
    if (outcomes == null) {
      throw new Violation(who + "returned no outcomes (null); a task without them returns an empty list");
    }
    Set<String> fractions = taskMetrics.stream().filter(m -> m.unit().equals(Metric.FRACTION)).map(Metric::id)
        .collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    for (ExampleOutcomes outcome : outcomes) {
      if (outcome == null || !fractions.contains(outcome.metric())) {
        throw new Violation(who + "gave outcomes of " + (outcome == null ? "null" : "'" + outcome.metric() + "'")
            + ", which is not one of its metrics measured as a fraction " + fractions.stream().sorted().toList());
      }
      String what = who + "gave outcomes of " + outcome.metric() + " at " + outcome.iterations() + " iterations ";
      if (!seen.add(outcome.metric() + "@" + outcome.iterations())) {
        throw new Violation(what + "twice");
      }
      if (outcome.n() != examples) {
        throw new Violation(what + "over " + outcome.n() + " examples; the dataset has " + examples);
      }
      Score score = scores.stream()
          .filter(s -> s.metric().equals(outcome.metric()) && s.iterations() == outcome.iterations()).findFirst()
          .orElseThrow(() -> new Violation(what + "and scored none there"));
      double counted = outcome.counted().cardinality();
      if (score.n() != outcome.n() || Math.abs(counted / outcome.n() - score.value()) > 1e-12) {
        throw new Violation(what + "counting " + (long) counted + " of " + outcome.n() + ", but scored "
            + score.value() + " over " + score.n());
      }
    }
  }

  /**
   * A model's token embeddings beside a task's token coordinates, for the linear probe: a row of
   * one length for every token with a coordinate, finite numbers, no more than {@code maxNumbers}
   * in all (a model cannot make the runner hold more than it bargained for).
   */
  public static void checkTokenEmbeddings(String model, float[][] embeddings, int tokens, long maxNumbers) {
    String who = "model " + model + " ";
    if (embeddings == null || embeddings.length < tokens) {
      throw new Violation(who + "gave " + (embeddings == null ? "no token embeddings (null)" : embeddings.length
          + " token embeddings") + "; the task has " + tokens + " tokens with coordinates");
    }
    int width = embeddings[0] == null ? 0 : embeddings[0].length;
    if (width < 1 || (long) width * embeddings.length > maxNumbers) {
      throw new Violation(who + "gave token embeddings " + width + " wide for " + embeddings.length
          + " tokens; they must be at least 1 and at most " + maxNumbers + " numbers in all");
    }
    for (int token = 0; token < embeddings.length; token++) {
      float[] row = embeddings[token];
      if (row == null || row.length != width) {
        throw new Violation(who + "gave token " + token + " an embedding of " + (row == null ? "null" : row.length
            + " numbers") + ", not " + width + " as token 0");
      }
      for (float value : row) {
        if (!Float.isFinite(value)) {
          throw new Violation(who + "gave token " + token + " an embedding holding " + value
              + "; values must be finite");
        }
      }
    }
  }

  /** A task's token coordinates: at least two tokens, rows of one length, finite numbers. */
  public static void checkTokenCoordinates(String task, double[][] coordinates) {
    String who = "task " + task + " ";
    if (coordinates == null || coordinates.length < 2 || coordinates[0] == null || coordinates[0].length < 1) {
      throw new Violation(who + "gave token coordinates for fewer than 2 tokens or with no coordinate");
    }
    for (int token = 0; token < coordinates.length; token++) {
      double[] row = coordinates[token];
      if (row == null || row.length != coordinates[0].length) {
        throw new Violation(who + "gave token " + token + " coordinates of another length than token 0's");
      }
      for (double value : row) {
        if (!Double.isFinite(value)) {
          throw new Violation(who + "gave token " + token + " a coordinate " + value + "; they must be finite");
        }
      }
    }
  }

  private static void checkScore(String who, Score score, Set<String> seen) {
    try {
      SafeNames.require("metric", score.metric());
    } catch (IllegalArgumentException e) {
      throw new Violation(who + " a value under a bad name: " + e.getMessage());
    }
    if (!Double.isFinite(score.value()) || !Double.isFinite(score.ciLow()) || !Double.isFinite(score.ciHigh())) {
      throw new Violation(who + " " + score.metric() + " = " + score.value() + " [" + score.ciLow() + ", "
          + score.ciHigh() + "] at " + score.iterations() + " iterations; values must be finite");
    }
    if (score.iterations() < 1 || score.n() < 1) {
      throw new Violation(who + " " + score.metric() + " at " + score.iterations() + " iterations from " + score.n()
          + " samples; both must be positive");
    }
    if (!seen.add(score.metric() + "@" + score.iterations())) {
      throw new Violation(who + " " + score.metric() + " at " + score.iterations() + " iterations twice");
    }
  }
}
