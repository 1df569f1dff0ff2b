package dev.reckon.tck;

import dev.reckon.api.Dataset;
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
 * task's scores; a broken rule is a sentence naming the plugin and the rule.
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

  /** The task's scores: only metrics it declares, each finite, once per iteration count. */
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
