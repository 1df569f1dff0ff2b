package dev.reckon.plugins.transformers;

import dev.reckon.kit.Settings;
import dev.reckon.kit.Training;
import dev.reckon.plugins.transformer.StackedEncoderLayer;

/**
 * The floating-point operations of a {@link SlotTransformer}, 2 per multiply-add, for the compute
 * leaderboard. With rows of L tokens, width W, feed-forward width F, S answer slots and C = V+1
 * classes, one example costs:
 *
 * <pre>
 *   layer   = 8 L W^2      the query, key, value and output projections (4 L W^2 multiply-adds)
 *           + 4 L^2 W      attention scores q.k and the weighted sums of values (L^2 W each, over all heads)
 *           + 4 L W F      the feed-forward pair (2 L W F)
 *   readout = 2 S W C      the slots' linear read-out
 * </pre>
 *
 * A forward pass through {@code layers} untied layers, k applications of the tied layer and r
 * read-outs costs {@code (layers + k) layer + r readout}; the layer term is {@link StackedEncoderLayer#flops},
 * which the retrieval encoders share. Left out, as O(L W) or less a layer
 * against the O(L W^2) above: layer norms, softmax, GELU, biases, residual and position additions,
 * the score scaling, and the embedding lookup (no arithmetic).
 *
 * <ul>
 *   <li>a training update: 3 x the training forward pass (the backward pass costs about twice the
 *       forward) x the batch; the forward pass of a recurrent model applies its tied layer T times
 *       and reads out after each;
 *   <li>inference at k iterations, one example: k applications and one read-out (the read-outs at
 *       smaller counts are evaluation's way of filling the whole curve in one pass, not part of the
 *       answer at k); a stack without recurrence: one pass, at k = 1.
 * </ul>
 */
record TransformerFlops(SlotLayout layout, Settings settings) {
  /** One encoder layer on one example of one seed ({@link StackedEncoderLayer#flops}). */
  long layer() {
    return StackedEncoderLayer.flops(layout.length(), settings.get(TransformerSettings.WIDTH),
        settings.get(TransformerSettings.FFN_WIDTH));
  }

  /** The read-out of one example's slots. */
  long readout() {
    return 2L * layout.maxOutputLength() * settings.get(TransformerSettings.WIDTH) * layout.classes();
  }

  /** One example through the untied layers, {@code applications} of the tied layer and {@code readouts} read-outs. */
  long forward(int applications, int readouts) {
    return (settings.get(TransformerSettings.LAYERS) + applications) * layer() + readouts * readout();
  }

  /** One training example: 3 x the training forward pass (the backward pass costs about twice the forward). */
  long trainingExample() {
    int steps = TransformerSettings.steps(settings);
    return 3 * (steps > 0 ? forward(steps, steps) : forward(0, 1));
  }

  /** One optimiser update on a batch. */
  long trainingUpdate() {
    return trainingExample() * settings.get(Training.BATCH_SIZE);
  }

  /** One example's answer at {@code iterations} applications of the tied layer (1 without recurrence). */
  long inference(int iterations) {
    return TransformerSettings.recurrent(settings) ? forward(iterations, 1) : forward(0, 1);
  }
}
