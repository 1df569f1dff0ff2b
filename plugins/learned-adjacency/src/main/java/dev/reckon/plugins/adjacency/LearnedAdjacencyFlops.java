package dev.reckon.plugins.adjacency;

import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.graphnets.GraphNetworkSettings;
import dev.reckon.kit.Settings;

/**
 * The floating-point operations of a {@link LearnedAdjacencyModel}, 2 per multiply-add: its
 * message-passing network on the drawn graph ({@link GraphNetworkFlops#drawn}: k neighbour slots a
 * node, a position of its own for every node) plus the {@link AdjacencySampler}, which with N
 * nodes and width D costs, one example:
 *
 * <pre>
 *   sampler = 6 N D^2       the query, key and value maps of the self-attention layer
 *           + 4 N^2 D       its scores q.k and the weighted sum of the values
 *           + 4 N D^2       the feed-forward pair (expand D -> D, contract D -> D)
 *           + 4 N D^2       the head's query and key maps
 *           + 2 N^2 D       the head's scores, the graph's logits
 *         = 14 N D^2 + 6 N^2 D
 * </pre>
 *
 * <ul>
 *   <li>a training update on a batch of B (the batch holds each puzzle {@code draws} times, each
 *       with its own graph) and T unrolled steps: {@code 3 (B (sampler + encoder + T step + T
 *       readout) + positions)}: the loss reaches both the network and, through the draw's log
 *       probability, the sampler, so both pay a backward pass of about twice the forward;
 *   <li>inference at k steps, one example: {@code sampler + encoder + k step + readout}.
 * </ul>
 *
 * Left out, besides what {@link GraphNetworkFlops} leaves out: the Gumbel noise and the
 * sorting that picks the neighbours (no multiply-adds), the draw's k log-softmaxes over the
 * scores and the head's entropy (O(k N^2) element-wise, against the sampler's O(N D^2 + N^2 D)),
 * the sampler's softmax, scaling, residual adds, ReLU, biases and diagonal mask, the position
 * embedding broadcast (or the value lookup).
 *
 * @param network the message-passing network on the drawn graph
 * @param nodes N
 * @param samplerWidth D
 */
record LearnedAdjacencyFlops(GraphNetworkFlops network, int nodes, int samplerWidth) {
  static LearnedAdjacencyFlops of(int nodes, int labels, Settings settings) {
    GraphNetworkFlops network = GraphNetworkFlops.drawn(nodes, settings.get(LearnedAdjacencySettings.NEIGHBOURS),
        labels, settings.get(GraphNetworkSettings.HIDDEN), settings.get(GraphNetworkSettings.MESSAGE_WIDTH),
        settings.get(GraphNetworkSettings.MESSAGE_LAYERS));
    return new LearnedAdjacencyFlops(network, nodes, settings.get(LearnedAdjacencySettings.SAMPLER_WIDTH));
  }

  /** The sampler's scores for one example. */
  long sampler() {
    long n = nodes;
    long d = samplerWidth;
    return 14 * n * d * d + 6 * n * n * d;
  }

  /** One optimiser update on {@code batch} examples, {@code steps} steps unrolled, the loss after each. */
  long trainingUpdate(int batch, int steps) {
    return 3 * (batch * (sampler() + network.forward(steps, steps)) + network.positions());
  }

  /** One example's answer after {@code iterations} steps, on the graph of its best-scored neighbours. */
  long inference(int iterations) {
    return sampler() + network.inference(iterations);
  }
}
