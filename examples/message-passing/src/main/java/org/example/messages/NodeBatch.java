package org.example.messages;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Examples of one node count as arrays.
 *
 * @param givens {@code [batch, nodes, labels]}: the one-hot given label, zeros on a blank
 * @param blanks {@code [batch, nodes, 1]}: 1 on a blank
 * @param neighbourMean {@code [batch, nodes, nodes]}: row {@code i} averages node {@code i}'s neighbours
 * @param targets {@code [batch, nodes, labels]}: the one-hot answer; null without answers
 */
record NodeBatch(NDArray givens, NDArray blanks, NDArray neighbourMean, NDArray targets) {
  static NodeBatch of(NDManager manager, LabelledGraphs data, int[] examples, int labels) {
    int batch = examples.length;
    int nodes = data.givens()[examples[0]].length;
    float[] givens = new float[batch * nodes * labels];
    float[] blanks = new float[batch * nodes];
    float[] mean = new float[batch * nodes * nodes];
    float[] targets = data.solutions() == null ? null : new float[batch * nodes * labels];
    for (int b = 0; b < batch; b++) {
      int example = examples[b];
      for (int node = 0; node < nodes; node++) {
        int given = data.givens()[example][node];
        if (given == 0) {
          blanks[b * nodes + node] = 1;
        } else {
          givens[(b * nodes + node) * labels + given - 1] = 1;
        }
        int[] neighbours = data.graph().apply(example).neighbours(node);
        for (int neighbour : neighbours) {
          mean[(b * nodes + node) * nodes + neighbour] = 1f / neighbours.length;
        }
        if (targets != null) {
          targets[(b * nodes + node) * labels + data.solutions()[example][node] - 1] = 1;
        }
      }
    }
    return new NodeBatch(manager.create(givens, new Shape(batch, nodes, labels)),
        manager.create(blanks, new Shape(batch, nodes, 1)), manager.create(mean, new Shape(batch, nodes, nodes)),
        targets == null ? null : manager.create(targets, new Shape(batch, nodes, labels)));
  }
}
