package dev.reckon.plugins.dtnet;

/**
 * The floating-point operations of a {@link DeepThinkingNetwork}, 2 per multiply-add, for the
 * compute leaderboard. Every convolution is computed densely at every cell (the zero padding
 * included), so one from {@code in} to {@code out} channels costs {@code 2 N K in out} on a grid
 * of N cells with K kernel weights a channel pair (3 on strings, 9 on grids). With C input
 * channels, width W, L labels and head widths h1, h2 ({@link DeepThinkingNetwork#headWidths}), one
 * example costs:
 *
 * <pre>
 *   projection = 2 N K C W
 *   pass       = 2 N K (W + C) W        the recall convolution, with recall
 *              + 4 x 2 N K W^2          the two residual blocks' four convolutions
 *   head       = 2 N K (W h1 + h1 h2 + h2 L)
 * </pre>
 *
 * One iteration is one pass. Left out, as O(N W) a pass against the O(N K W^2) above: the ReLUs,
 * the residual additions, the concatenation (no arithmetic), the softmax and arg-max.
 *
 * <ul>
 *   <li>inference at k passes, one example: {@code projection + k pass + head} (the read-outs at
 *       smaller counts are evaluation's way of filling the whole curve in one run, not part of the
 *       answer at k);
 *   <li>a training update: what {@link #trainingUpdate} says, the backward pass costing about
 *       twice the forward.
 * </ul>
 *
 * @param cells N, the cells of one grid
 * @param dimensions 1 for strings, 2 for grids
 * @param channels C
 * @param width W
 * @param labels L
 * @param recall whether a pass begins with the recall convolution
 */
record DtNetFlops(long cells, int dimensions, int channels, int width, int labels, boolean recall) {
  /** One convolution from {@code in} to {@code out} channels on one grid. */
  long convolution(long in, long out) {
    return 2 * cells * GridConvolution.kernelCells(dimensions) * in * out;
  }

  long projection() {
    return convolution(channels, width);
  }

  /** One pass of the recurrent block: one iteration. */
  long pass() {
    long residual = 2L * DeepThinkingNetwork.RESIDUAL_BLOCKS * convolution(width, width);
    return (recall ? convolution(width + channels, width) : 0) + residual;
  }

  long head() {
    int[] hidden = DeepThinkingNetwork.headWidths(dimensions, width);
    return convolution(width, hidden[0]) + convolution(hidden[0], hidden[1]) + convolution(hidden[1], labels);
  }

  /** One example projected, through {@code passes} passes and one read-out: its answer at {@code passes}. */
  long forward(int passes) {
    return projection() + passes * pass() + head();
  }

  /**
   * One optimiser update on {@code batch} grids: {@code full} passes from the projection with
   * gradients (m, or 0 when alpha is 1), and the progressive term's {@code warm} passes without
   * gradients (n: forward only, from the projection) then {@code progressive} with them (k, or 0
   * when alpha is 0; from the projection, which then has gradients, when n is 0).
   */
  long trainingUpdate(int batch, int full, int warm, int progressive) {
    long example = full > 0 ? 3 * forward(full) : 0;
    if (progressive > 0) {
      long start = warm > 0 ? projection() + warm * pass() : 0;
      example += start + 3 * ((warm > 0 ? 0 : projection()) + progressive * pass() + head());
    }
    return batch * example;
  }
}
