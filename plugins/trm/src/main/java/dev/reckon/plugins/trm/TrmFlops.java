package dev.reckon.plugins.trm;

import dev.reckon.kit.Settings;

/**
 * The floating-point operations of a {@link TinyRecursiveNetwork}, 2 per multiply-add, for the
 * compute leaderboard. With L cells, hidden size H, e the expansion, k layers, n latent steps, T
 * recursion processes and C labels, one example costs:
 *
 * <pre>
 *   layer     = 6 e L^2 H        the gated map across the cells: width L, inner e L, at each of the H channels
 *             + 6 e L H^2        the gated map across the channels: width H, inner e H, at each of the L cells
 *                                (a gated map of width W and inner I: W x 2I in, I x W out, 3 W I multiply-adds)
 *   net       = k layer
 *   recursion = (n + 1) net      n latent updates and one answer update
 *   readout   = 2 L H C          the output head
 * </pre>
 *
 * A supervision step runs T recursion processes. Left out, as O(L H) a net against the O(L H (L +
 * H)) above: the RMS norms, SiLU and gating products, the residual and input sums, the embedding's
 * scaling; and the embedding lookup (no arithmetic).
 *
 * <ul>
 *   <li>a training update, one supervision step of a batch of B: {@code B ((T - 1) recursion + 3
 *       (recursion + readout))}: the T - 1 processes without gradients run forward only, the last
 *       and the read-out forward and backward (the backward pass costs about twice the forward);
 *   <li>inference at k supervision steps, one example: {@code k T recursion + readout} (the
 *       read-outs after fewer steps are evaluation's way of filling the whole curve in one pass,
 *       not part of the answer at k).
 * </ul>
 *
 * @param cells L
 * @param labels C
 * @param hidden H
 * @param layers k
 * @param expansion e
 * @param latentSteps n
 * @param recursions T
 */
record TrmFlops(int cells, int labels, int hidden, int layers, int expansion, int latentSteps, int recursions) {
  /** The network built for {@code cells} and {@code labels} at {@code settings}. */
  static TrmFlops of(int cells, int labels, Settings settings) {
    return new TrmFlops(cells, labels, settings.get(TrmSettings.HIDDEN), settings.get(TrmSettings.LAYERS),
        settings.get(TrmSettings.EXPANSION), settings.get(TrmSettings.LATENT_STEPS),
        settings.get(TrmSettings.RECURSIONS));
  }

  /** One mixer layer on one example. */
  long layer() {
    long l = cells;
    long h = hidden;
    return 6L * expansion * l * h * (l + h);
  }

  /** One recursion process on one example: n + 1 applications of the net. */
  long recursion() {
    return (latentSteps + 1L) * layers * layer();
  }

  /** The output head on one example. */
  long readout() {
    return 2L * cells * hidden * labels;
  }

  /** One optimiser update, one supervision step of {@code batch} examples. */
  long trainingUpdate(int batch) {
    return batch * ((recursions - 1L) * recursion() + 3 * (recursion() + readout()));
  }

  /** One example's answer after {@code supervisionSteps} supervision steps. */
  long inference(int supervisionSteps) {
    return (long) supervisionSteps * recursions * recursion() + readout();
  }
}
