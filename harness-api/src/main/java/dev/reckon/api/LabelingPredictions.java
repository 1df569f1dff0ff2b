package dev.reckon.api;

import static java.util.Objects.requireNonNull;

/**
 * Labels for every node of every example, at each iteration count.
 *
 * @param iterations ascending iteration counts
 * @param labels {@code [iteration index][example][node]}: a label in {@code 1..labels}
 */
public record LabelingPredictions(int[] iterations, int[][][] labels) implements Predictions {
  public LabelingPredictions {
    requireNonNull(iterations, "iterations is null");
    requireNonNull(labels, "labels is null");
    if (iterations.length != labels.length) {
      throw new IllegalArgumentException(iterations.length + " iteration counts but " + labels.length + " label sets");
    }
  }
}
