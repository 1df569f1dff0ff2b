package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A score for every key of every query, at each iteration count. Scores are logits: the task
 * turns them into a distribution over keys with a softmax.
 *
 * @param iterations strictly ascending iteration counts
 * @param scores {@code [iteration index][example][key]}, finite
 * @param measurements what the model measured of itself while predicting
 */
public record RetrievalPredictions(int[] iterations, float[][][] scores, List<Score> measurements)
    implements Predictions {
  public RetrievalPredictions {
    requireNonNull(iterations, "iterations is null");
    requireNonNull(scores, "scores is null");
    measurements = List.copyOf(measurements);
    if (iterations.length != scores.length) {
      throw new IllegalArgumentException(iterations.length + " iteration counts but " + scores.length + " score sets");
    }
  }

  /** Predictions without measurements. */
  public RetrievalPredictions(int[] iterations, float[][][] scores) {
    this(iterations, scores, List.of());
  }

  /**
   * The distribution over keys a task reads from one query's scores, as logs: {@code log
   * softmax(scores)}, shifted by the largest score so that no exponential overflows.
   */
  public static double[] logSoftmax(float[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (float score : scores) {
      max = Math.max(max, score);
    }
    double sum = 0;
    for (float score : scores) {
      sum += Math.exp(score - max);
    }
    double logSum = max + Math.log(sum);
    double[] logs = new double[scores.length];
    for (int key = 0; key < scores.length; key++) {
      logs[key] = scores[key] - logSum;
    }
    return logs;
  }
}
