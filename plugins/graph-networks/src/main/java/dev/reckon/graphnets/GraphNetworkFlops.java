package dev.reckon.graphnets;

import dev.reckon.api.ConstraintGraph;

/**
 * The floating-point operations of a {@link RecurrentRelationalNetwork}, 2 per multiply-add, for
 * the compute leaderboard. With N nodes, S neighbour slots a node (the largest degree of a known
 * graph, padding slots included since they are computed and masked; k for a drawn graph), G
 * position groups, hidden size H, message width W, M message layers and C labels:
 *
 * <pre>
 *   encoder   = 4 N H^2                 the input MLP's two H x H layers
 *             + 2 N F H                 with F node features (graphs per example): their layer F -> H
 *   positions = 2 N G H                 the membership [N, G] times the group table [G, H]: once a
 *                                       forward pass, for the whole batch (it does not depend on the givens)
 *   step      = 4 N H W                 the pair layer's A h and B h, once a node (see {@link MessageFunction})
 *             + 2 (M - 2) N S W^2       the edge layers, once an edge slot
 *             + 2 N W H                 the output layer, once a node on the summed activations
 *             + 18 N H^2                the GRU: W [2H -> 3H] on [x ; m] and U [H -> 3H] on h
 *   readout   = 2 N H C                 the linear read-out
 * </pre>
 *
 * One example through {@code s} steps with {@code r} read-outs costs {@code encoder + s step + r
 * readout}. Left out, as O(N S W) or O(N H) a step against the O(N H^2) above: biases, the
 * per-edge add and ReLU, the sums over slots (and the padding mask), the GRU's gates and
 * interpolation, the embedding lookup (no arithmetic).
 *
 * <ul>
 *   <li>a training update of T unrolled steps, the loss after each: {@code 3 (B (encoder + T step
 *       + T readout) + positions)} for a batch of B (the backward pass costs about twice the
 *       forward);
 *   <li>inference at k steps, one example: {@code encoder + k step + readout} (the read-outs at
 *       smaller counts are evaluation's way of filling the whole curve in one pass, not part of
 *       the answer at k; the per-batch positions are shared by the batch and left out).
 * </ul>
 *
 * @param nodes N
 * @param slots S, the neighbour slots a node
 * @param groups G, the rows of the position table
 * @param labels C
 * @param hidden H
 * @param messageWidth W
 * <p>Graphs per example ({@link #perExample}): N and S are the batch's, padding included, since
 * the padded arrays are what is computed; G is 0 (no position table), F the node features.
 *
 * @param messageLayers M
 * @param features F, the node features of an encoder {@link InputEncoder#withFeatures}; 0 otherwise
 */
public record GraphNetworkFlops(int nodes, int slots, int groups, int labels, int hidden, int messageWidth,
    int messageLayers, int features) {
  /** A network without node features. */
  public GraphNetworkFlops(int nodes, int slots, int groups, int labels, int hidden, int messageWidth,
      int messageLayers) {
    this(nodes, slots, groups, labels, hidden, messageWidth, messageLayers, 0);
  }

  /**
   * The network on a batch of graphs per example ({@link GraphBatch}) of {@code nodes} nodes and
   * {@code slots} neighbour slots a node (the batch's, padding included), {@code features} node
   * features, no position table.
   */
  public static GraphNetworkFlops perExample(int nodes, int slots, int features, int labels, int hidden,
      int messageWidth, int messageLayers) {
    return new GraphNetworkFlops(nodes, slots, 0, labels, hidden, messageWidth, messageLayers, features);
  }

  /** The network on {@code graph}'s edges, laid out as {@link NeighbourSlots} does. */
  public static GraphNetworkFlops onGraph(ConstraintGraph graph, int labels, int hidden, int messageWidth,
      int messageLayers) {
    int[] degree = new int[graph.nodes()];
    for (int source : graph.edgeSources()) {
      degree[source]++;
    }
    int slots = 1;
    for (int d : degree) {
      slots = Math.max(slots, d);
    }
    return new GraphNetworkFlops(graph.nodes(), slots, graph.groups().size(), labels, hidden, messageWidth,
        messageLayers);
  }

  /**
   * The network of a model not given the graph ({@link InputEncoder#withoutGraph}, a position a
   * node) on a drawn graph of {@code neighbours} a node ({@link SampledNeighbours}).
   */
  public static GraphNetworkFlops drawn(int nodes, int neighbours, int labels, int hidden, int messageWidth,
      int messageLayers) {
    return new GraphNetworkFlops(nodes, neighbours, nodes, labels, hidden, messageWidth, messageLayers);
  }

  /** The input MLP on one example. */
  public long encoder() {
    return 4L * nodes * hidden * hidden + 2L * nodes * features * hidden;
  }

  /** The position vectors, once a forward pass for the whole batch. */
  public long positions() {
    return 2L * nodes * groups * hidden;
  }

  /** One message-passing step on one example. */
  public long step() {
    long n = nodes;
    long h = hidden;
    long w = messageWidth;
    return 4 * n * h * w + 2L * (messageLayers - 2) * n * slots * w * w + 2 * n * w * h + 18 * n * h * h;
  }

  /** The read-out of one example. */
  public long readout() {
    return 2L * nodes * hidden * labels;
  }

  /** One example encoded, through {@code steps} steps and {@code readouts} read-outs. */
  public long forward(int steps, int readouts) {
    return encoder() + steps * step() + readouts * readout();
  }

  /** One optimiser update on {@code batch} examples, {@code steps} steps unrolled, the loss after each. */
  public long trainingUpdate(int batch, int steps) {
    return 3 * (batch * forward(steps, steps) + positions());
  }

  /** One example's answer after {@code iterations} steps. */
  public long inference(int iterations) {
    return forward(iterations, 1);
  }
}
