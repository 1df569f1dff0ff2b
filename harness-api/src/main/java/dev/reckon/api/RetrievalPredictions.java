package dev.reckon.api;

import static java.util.Objects.requireNonNull;

/**
 * A score for every key of every query, at each iteration count. Scores are logits: the task
 * turns them into a distribution over keys with a softmax.
 *
 * @param iterations ascending iteration counts
 * @param scores {@code [iteration index][example][key]}
 */
public record RetrievalPredictions(int[] iterations, float[][][] scores) implements Predictions {
  public RetrievalPredictions {
    requireNonNull(iterations, "iterations is null");
    requireNonNull(scores, "scores is null");
    if (iterations.length != scores.length) {
      throw new IllegalArgumentException(iterations.length + " iteration counts but " + scores.length + " score sets");
    }
  }
}
