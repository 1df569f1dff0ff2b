package dev.reckon.plugins.deq;

import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.kit.Settings;

/**
 * The floating-point operations of a {@link DeqGnnModel}, 2 per multiply-add: its network's
 * terms ({@link GraphNetworkFlops}: encoder, step, read-out, positions) counted over the map
 * evaluations the solver actually ran, plus the solver's Anderson mixing.
 *
 * <pre>
 *   anderson(e) = sum over evaluations j = 1..e, n_j = min(j, m) remembered:
 *                 2 n_j^2 d      the Gram matrix G G^T of the residuals ([n, d] a puzzle, d = N H)
 *               + 2 n_j d        the mix a^T F of the remembered evaluations
 *                 (0 with plain iteration, m = 0)
 *
 *   training update, a batch of B, the solve running E evaluations (the loop runs until every
 *   puzzle of the batch is solved or the cap: E is the most any puzzle took):
 *     solve    = B (encoder + E step + anderson(E)) + positions              no gradient: forward only
 *     gradient = 3 (B (encoder + (k + p) step + readout) + positions)        k phantom-gradient steps,
 *                                                                           p = 1 with the Jacobian penalty
 *                                                                           (its finite-difference step)
 *   inference at cap c, one puzzle that needs e evaluations: encoder + min(e, c) step
 *     + anderson(min(e, c)) + readout
 * </pre>
 *
 * Left out: the residual norms and the solver's bookkeeping (O(d) an evaluation), the n-by-n
 * solves in double precision on the CPU (O(n^3), n at most m), the penalty's direction and
 * squares (O(d)); the {@link JacobianNorm} estimate, a diagnostic of the training curve every
 * {@code evalEvery} updates that the optimiser step does not use; and what {@link
 * GraphNetworkFlops} leaves out. At inference a batch keeps evaluating a solved puzzle until its
 * slowest puzzle is solved (its answer frozen); a puzzle is charged only the evaluations it needed.
 *
 * <p>Graphs per example: the network's terms are {@link GraphNetworkFlops#perExample} on the
 * batch's padded node and slot counts (no positions), and d = N H with N padded; the mask that
 * holds padding nodes at 0 is O(d) an evaluation and left out like the residual norms.
 *
 * @param network the network's terms
 * @param andersonMemory m
 * @param gradientSteps k
 * @param penalty whether the loss has the Jacobian penalty
 */
record DeqFlops(GraphNetworkFlops network, int andersonMemory, int gradientSteps, boolean penalty) {
  static DeqFlops of(GraphNetworkFlops network, Settings settings) {
    return new DeqFlops(network, settings.get(DeqSettings.ANDERSON_MEMORY), settings.get(DeqSettings.GRADIENT_STEPS),
        settings.get(DeqSettings.JACOBIAN_PENALTY) > 0);
  }

  /** Anderson's mixing over {@code evaluations} evaluations of one puzzle. */
  long anderson(int evaluations) {
    long d = (long) network.nodes() * network.hidden();
    long total = 0;
    for (int j = 1; j <= evaluations && andersonMemory > 0; j++) {
      long n = Math.min(j, andersonMemory);
      total += 2 * n * n * d + 2 * n * d;
    }
    return total;
  }

  /** One optimiser update on {@code batch} puzzles whose solve ran {@code evaluations} evaluations of f. */
  long trainingUpdate(int batch, int evaluations) {
    long solve = batch * (network.encoder() + evaluations * network.step() + anderson(evaluations))
        + network.positions();
    long steps = gradientSteps + (penalty ? 1 : 0);
    long gradient = 3 * (batch * (network.encoder() + steps * network.step() + network.readout()) + network.positions());
    return solve + gradient;
  }

  /** One puzzle's answer at solver cap {@code cap}, the puzzle needing {@code evaluations}. */
  long inference(int cap, int evaluations) {
    int used = Math.min(evaluations, cap);
    return network.encoder() + used * network.step() + anderson(used) + network.readout();
  }
}
