package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.GraphLabelingDataset;

/**
 * Some examples of a {@link GraphLabelingDataset}, each with its own graph, as arrays of one
 * shape: nodes padded to the batch's largest node count N, each node's neighbours padded to the
 * batch's largest degree S (at least 1). A padding slot points at the node itself and is masked
 * out of the message sum ({@link SampledNeighbours#use(NDArray, NDArray)}); a padding node has
 * only padding slots, no real node lists it, so it changes nothing, and it weighs 0 in the loss
 * and is not read out.
 *
 * @param nodes N, the batch's largest node count
 * @param slots S, the batch's largest degree, at least 1
 * @param nodeCounts each example's real node count
 * @param givens {@code [batch, N]} int64: the given label, 0 for a blank or a padding node
 * @param features {@code [batch, N, F]} float, 0 on padding nodes; {@code null} when the data has none
 * @param neighbours {@code [batch, N, S]} int64: each node's neighbours, the node itself in a padding slot
 * @param slotMask {@code [batch, N, S, 1]} float: 1 on a real neighbour
 * @param targets {@code [batch, N]} int64: the answer's label minus one (0 on padding); {@code null} without answers
 * @param weights {@code [batch, N]} float: 1 on a real blank node; {@code null} without answers
 */
public record GraphBatch(int nodes, int slots, int[] nodeCounts, NDArray givens, NDArray features,
    NDArray neighbours, NDArray slotMask, NDArray targets, NDArray weights) {
  public GraphBatch {
    requireNonNull(nodeCounts, "nodeCounts is null");
    requireNonNull(givens, "givens is null");
    requireNonNull(neighbours, "neighbours is null");
    requireNonNull(slotMask, "slotMask is null");
  }

  /** The node features a node of {@code data} has: 0 when it has none. */
  public static int featureCount(GraphLabelingDataset data) {
    if (data.features() == null || data.size() == 0 || data.features()[0].length == 0) {
      return 0;
    }
    return data.features()[0][0].length;
  }

  /**
   * The examples at {@code examples} of {@code data}, owned by {@code manager}; with their answers
   * when {@code withAnswers} (then {@code data} must have them).
   */
  public static GraphBatch of(NDManager manager, GraphLabelingDataset data, int[] examples, boolean withAnswers) {
    int batch = examples.length;
    int nodes = 1;
    int slots = 1;
    int[] counts = new int[batch];
    for (int b = 0; b < batch; b++) {
      ConstraintGraph graph = data.graphs()[examples[b]];
      counts[b] = graph.nodes();
      nodes = Math.max(nodes, graph.nodes());
      for (int node = 0; node < graph.nodes(); node++) {
        slots = Math.max(slots, graph.neighbours(node).length);
      }
    }
    int featureCount = featureCount(data);
    long[] givens = new long[batch * nodes];
    float[] features = new float[batch * nodes * featureCount];
    long[] neighbours = new long[batch * nodes * slots];
    float[] mask = new float[batch * nodes * slots];
    long[] targets = new long[batch * nodes];
    float[] weights = new float[batch * nodes];
    for (int b = 0; b < batch; b++) {
      int example = examples[b];
      ConstraintGraph graph = data.graphs()[example];
      int[] given = data.givens()[example];
      for (int node = 0; node < nodes; node++) {
        int row = b * nodes + node;
        int[] adjacent = node < graph.nodes() ? graph.neighbours(node) : new int[0];
        for (int slot = 0; slot < slots; slot++) {
          boolean real = slot < adjacent.length;
          neighbours[row * slots + slot] = real ? adjacent[slot] : node;
          mask[row * slots + slot] = real ? 1 : 0;
        }
        if (node >= graph.nodes()) {
          continue;
        }
        givens[row] = given[node];
        for (int f = 0; f < featureCount; f++) {
          features[row * featureCount + f] = data.features()[example][node][f];
        }
        if (withAnswers) {
          targets[row] = data.solutions()[example][node] - 1L;
          weights[row] = given[node] == 0 ? 1 : 0;
        }
      }
    }
    Shape shape = new Shape(batch, nodes);
    return new GraphBatch(nodes, slots, counts, manager.create(givens, shape),
        featureCount == 0 ? null : manager.create(features, new Shape(batch, nodes, featureCount)),
        manager.create(neighbours, new Shape(batch, nodes, slots)), manager.create(mask, new Shape(batch, nodes, slots, 1)),
        withAnswers ? manager.create(targets, shape) : null, withAnswers ? manager.create(weights, shape) : null);
  }

  /** The network's inputs: the givens, and the features when there are some. */
  public NDList inputs() {
    return features == null ? new NDList(givens) : new NDList(givens, features);
  }

  /** The batch's examples. */
  public int size() {
    return nodeCounts.length;
  }
}
