package dev.reckon.plugins.adjacency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.ConstraintGraph;

/**
 * k neighbours for every node, drawn from the sampler's scores without replacement by the
 * Gumbel-top-k trick: the k largest of {@code scores + Gumbel noise} are an ordered sample of k
 * draws, each from the softmax over the nodes not drawn yet (the Plackett-Luce model), whose log
 * probability is the score-function estimator's handle on the sampler.
 *
 * @param neighbours {@code [K, batch, nodes, k]} int64, in the order drawn
 * @param logProbability {@code [K, batch]}: the log probability of each example's whole graph, the
 *     sum over its nodes and draws; on the gradient's path to the sampler
 */
record NeighbourDraw(NDArray neighbours, NDArray logProbability) {
  /** A draw from {@code scores} ({@code [K, batch, nodes, nodes]}, the diagonal excluded), seed k's by its own noise. */
  static NeighbourDraw sample(NDArray scores, int k, GumbelNoise noise) {
    NDArray neighbours = best(scores.stopGradient().add(noise.next(scores.getManager(), scores.getShape())), k);
    return new NeighbourDraw(neighbours, logProbability(scores, neighbours));
  }

  /**
   * Each node's k best-scored nodes, best first ({@code [..., nodes, k]} of scores {@code [...,
   * nodes, nodes]}): of the scores themselves, the graph evaluation uses; of the scores with Gumbel
   * noise, a draw.
   */
  static NDArray best(NDArray scores, int k) {
    return scores.argSort(-1, false).get("..., 0:" + k);
  }

  /**
   * {@code neighbours [K, batch, nodes, k]} as the network takes its K seeds' graphs: one batch of
   * {@code K * batch} ({@link dev.reckon.graphnets.Neighbours}).
   */
  static NDArray asOneBatch(NDArray neighbours) {
    Shape shape = neighbours.getShape();
    return neighbours.reshape(-1, shape.get(2), shape.get(3));
  }

  /**
   * {@code sum over draws t of log softmax(scores without the nodes drawn before t)[drawn t]},
   * summed over nodes. The masks are arrays the engine allocates ({@link dev.reckon.kit.EngineScalar}).
   */
  private static NDArray logProbability(NDArray scores, NDArray neighbours) {
    NDManager scope = scores.getManager();
    int nodes = (int) scores.getShape().get(3);
    int k = (int) neighbours.getShape().get(3);
    NDArray excluded = scope.full(new Shape(), AdjacencySampler.EXCLUDED);
    NDArray drawn = scope.zeros(scores.getShape());
    NDArray total = null;
    for (int t = 0; t < k; t++) {
      NDArray chosen = neighbours.get("..., " + t).oneHot(nodes).toType(DataType.FLOAT32, false);
      NDArray logSoftmax = scores.add(drawn.mul(excluded)).logSoftmax(-1);
      NDArray step = logSoftmax.mul(chosen).sum(new int[] {-1});
      total = total == null ? step : total.add(step);
      drawn = drawn.add(chosen);
    }
    return total.sum(new int[] {-1});
  }

  /**
   * Each seed's mean entropy, in nats, of each node's softmax over the other nodes: {@code [K]} of
   * scores {@code [K, batch, nodes, nodes]}, on the gradient's path.
   */
  static NDArray entropy(NDArray scores) {
    NDArray logProbabilities = scores.logSoftmax(-1);
    NDArray perNode = logProbabilities.exp().mul(logProbabilities).sum(new int[] {-1}).neg();
    return perNode.reshape(perNode.getShape().get(0), -1).mean(new int[] {1});
  }

  /**
   * How far {@code neighbours} ({@code [batch, nodes, k]}) agree with {@code graph}: the share of
   * drawn edges that are real (precision) and of real edges drawn (recall), over the batch.
   */
  static Agreement agreement(NDArray neighbours, ConstraintGraph graph) {
    long[] drawn = neighbours.toLongArray();
    int nodes = graph.nodes();
    int k = (int) neighbours.getShape().get(2);
    int batch = (int) neighbours.getShape().get(0);
    boolean[][] real = new boolean[nodes][nodes];
    long edges = 0;
    for (int node = 0; node < nodes; node++) {
      for (int neighbour : graph.neighbours(node)) {
        real[node][neighbour] = true;
        edges++;
      }
    }
    long hits = 0;
    for (int b = 0; b < batch; b++) {
      for (int node = 0; node < nodes; node++) {
        for (int t = 0; t < k; t++) {
          hits += real[node][(int) drawn[(b * nodes + node) * k + t]] ? 1 : 0;
        }
      }
    }
    return new Agreement((double) hits / ((long) batch * nodes * k), (double) hits / (batch * edges));
  }

  /** Precision and recall of drawn edges against the task's real ones. */
  record Agreement(double precision, double recall) {}
}
