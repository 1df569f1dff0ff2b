package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Labels for every node of every example, at each iteration count.
 *
 * @param iterations ascending iteration counts
 * @param labels {@code [iteration index][example][node]}: a label in {@code 1..labels}
 * @param measurements what the model measured of itself while predicting
 */
public record LabelingPredictions(int[] iterations, int[][][] labels, List<Score> measurements)
    implements Predictions {
  public LabelingPredictions {
    requireNonNull(iterations, "iterations is null");
    requireNonNull(labels, "labels is null");
    measurements = List.copyOf(measurements);
    if (iterations.length != labels.length) {
      throw new IllegalArgumentException(iterations.length + " iteration counts but " + labels.length + " label sets");
    }
  }

  /** Predictions without measurements. */
  public LabelingPredictions(int[] iterations, int[][][] labels) {
    this(iterations, labels, List.of());
  }
}
