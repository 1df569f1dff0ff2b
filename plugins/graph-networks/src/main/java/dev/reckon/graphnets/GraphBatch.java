package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.GraphLabelingDataset;
import java.util.List;

/**
 * Some examples of a {@link GraphLabelingDataset}, each with its own graph, as arrays of one
 * shape: nodes padded to the batch's largest node count N, each node's neighbours padded to the
 * batch's largest degree S (at least 1). A padding slot points at the node itself and is masked
 * out of the message sum ({@link SampledNeighbours#use(NDArray, NDArray)}); a padding node has
 * only padding slots, no real node lists it, so it changes nothing, and it weighs 0 in the loss
 * and is not read out.
 *
 * <p>A network of K seeds ({@link dev.reckon.kit.SeedAxis}) takes K such batches of B examples at
 * once, seed k's from its own dataset, every array leading with the seed axis and padded to the
 * largest N and S of all K.
 *
 * @param nodes N, the largest node count of the K batches
 * @param slots S, the largest degree of the K batches, at least 1
 * @param nodeCounts each seed's examples' real node counts, {@code [K][B]}
 * @param givens {@code [K, B, N]} int64: the given label, 0 for a blank or a padding node
 * @param features {@code [K, B, N, F]} float, 0 on padding nodes; {@code null} when the data has none
 * @param neighbours {@code [K, B, N, S]} int64: each node's neighbours, the node itself in a padding slot
 * @param slotMask {@code [K, B, N, S, 1]} float: 1 on a real neighbour
 * @param targets {@code [K, B, N]} int64: the answer's label minus one (0 on padding); {@code null} without answers
 * @param weights {@code [K, B, N]} float: 1 on a real blank node; {@code null} without answers
 */
public record GraphBatch(int nodes, int slots, int[][] nodeCounts, NDArray givens, NDArray features,
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
   * Seed k's examples at {@code examples.get(k)} of {@code data.get(k)}, as many for every seed
   * and with as many node features, owned by {@code manager}; with their answers when {@code
   * withAnswers} (then the data must have them).
   */
  public static GraphBatch of(NDManager manager, List<GraphLabelingDataset> data, List<int[]> examples,
      boolean withAnswers) {
    int seeds = data.size();
    int batch = examples.get(0).length;
    int nodes = 1;
    int slots = 1;
    int[][] counts = new int[seeds][batch];
    for (int k = 0; k < seeds; k++) {
      for (int b = 0; b < batch; b++) {
        ConstraintGraph graph = data.get(k).graphs()[examples.get(k)[b]];
        counts[k][b] = graph.nodes();
        nodes = Math.max(nodes, graph.nodes());
        for (int node = 0; node < graph.nodes(); node++) {
          slots = Math.max(slots, graph.neighbours(node).length);
        }
      }
    }
    int featureCount = featureCount(data.get(0));
    int rows = seeds * batch * nodes;
    long[] givens = new long[rows];
    float[] features = new float[rows * featureCount];
    long[] neighbours = new long[rows * slots];
    float[] mask = new float[rows * slots];
    long[] targets = new long[rows];
    float[] weights = new float[rows];
    for (int k = 0; k < seeds; k++) {
      GraphLabelingDataset seedData = data.get(k);
      for (int b = 0; b < batch; b++) {
        int example = examples.get(k)[b];
        ConstraintGraph graph = seedData.graphs()[example];
        int[] given = seedData.givens()[example];
        for (int node = 0; node < nodes; node++) {
          int row = (k * batch + b) * nodes + node;
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
            features[row * featureCount + f] = seedData.features()[example][node][f];
          }
          if (withAnswers) {
            targets[row] = seedData.solutions()[example][node] - 1L;
            weights[row] = given[node] == 0 ? 1 : 0;
          }
        }
      }
    }
    Shape shape = new Shape(seeds, batch, nodes);
    return new GraphBatch(nodes, slots, counts, manager.create(givens, shape),
        featureCount == 0 ? null : manager.create(features, shape.add(featureCount)),
        manager.create(neighbours, shape.add(slots)), manager.create(mask, shape.add(slots, 1)),
        withAnswers ? manager.create(targets, shape) : null, withAnswers ? manager.create(weights, shape) : null);
  }

  /** The network's inputs: the givens, and the features when there are some. */
  public NDList inputs() {
    return features == null ? new NDList(givens) : new NDList(givens, features);
  }

  /** B, each seed's examples. */
  public int size() {
    return nodeCounts[0].length;
  }

  /** K, the seeds. */
  public int seeds() {
    return nodeCounts.length;
  }
}
