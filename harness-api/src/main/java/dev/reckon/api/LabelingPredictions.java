package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Labels for every node of every example, at each iteration count.
 *
 * @param iterations strictly ascending iteration counts
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

  /** One label in {@code 1..labelCount} for each node of each of {@code examples}. */
  void requireLabels(int examples, IntUnaryOperator nodesOf, int labelCount) {
    Shapes.requireBlocks(labels, iterations, examples, "labels");
    for (int i = 0; i < labels.length; i++) {
      for (int example = 0; example < examples; example++) {
        int[] output = labels[i][example];
        int nodes = nodesOf.applyAsInt(example);
        if (output == null || output.length != nodes) {
          throw Shapes.at((output == null ? "no labels" : output.length + " labels") + " for " + nodes + " nodes",
              example, iterations[i]);
        }
        for (int node = 0; node < nodes; node++) {
          if (output[node] < 1 || output[node] > labelCount) {
            throw Shapes.at("label " + output[node] + " of node " + node + " is outside 1.." + labelCount, example,
                iterations[i]);
          }
        }
      }
    }
  }
}
