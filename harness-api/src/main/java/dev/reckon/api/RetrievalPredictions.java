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
}
