package dev.reckon.plugins.deq;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.reckon.graphnets.RecurrentRelationalNetwork;

/**
 * An estimate of the spectral norm of f's Jacobian {@code J = df/dh} at a fixed point, per puzzle
 * (J is block-diagonal over the batch), by power iteration on {@code J^T J}: {@code J v} by a
 * finite difference, {@code J^T u} by autograd. Above 1, plain iteration need not converge and
 * the equilibrium may be unstable; the seed suspected its growth behind the DEQ's collapse. A
 * network of K seeds gets each seed's estimate, from its own directions.
 */
public final class JacobianNorm {
  /** Finite-difference step along a unit direction (per puzzle). */
  private static final float STEP = 1e-2f;

  private final RecurrentRelationalNetwork network;
  private final ParameterStore parameterStore;
  private final int rounds;
  private final RandomSigns signs;

  /**
   * @param network the network whose step is f
   * @param parameterStore the store its forward pass reads the weights from
   * @param rounds power iterations
   * @param seeds the starting directions, one seed per slice of the network
   */
  public JacobianNorm(RecurrentRelationalNetwork network, ParameterStore parameterStore, int rounds, long... seeds) {
    this.network = requireNonNull(network, "network is null");
    this.parameterStore = requireNonNull(parameterStore, "parameterStore is null");
    this.rounds = rounds;
    this.signs = new RandomSigns(seeds);
  }

  /**
   * For each seed, the largest over its batch of the estimated spectral norm at {@code
   * fixedPoint}. Leaves the weights' gradients at zero, so call it between optimiser updates.
   *
   * @param fixedPoint {@code h* [K, batch, nodes, hidden]}, detached
   * @param features {@code x} likewise, detached
   * @return {@code [K]}
   */
  public double[] largest(NDArray fixedPoint, NDArray features) {
    return largest(fixedPoint, features, null);
  }

  /**
   * As {@link #largest(NDArray, NDArray)} for f masked to the real nodes of a batch of graphs per
   * example: {@code mask [K, batch, N, 1]} is 1 on a real node, or null for the unmasked step.
   */
  public double[] largest(NDArray fixedPoint, NDArray features, NDArray mask) {
    try (NDManager scope = fixedPoint.getManager().newSubManager()) {
      scope.tempAttachAll(fixedPoint, features);
      if (mask != null) {
        scope.tempAttachAll(mask);
      }
      NDArray image = step(fixedPoint, features, mask, false);
      NDArray start = signs.next(scope, fixedPoint.getShape());
      NDArray direction = unit(mask == null ? start : start.mul(mask));
      float[] norms = new float[(int) (fixedPoint.getShape().get(0) * fixedPoint.getShape().get(1))];
      for (int round = 0; round < rounds; round++) {
        NDArray moved = step(fixedPoint.add(direction.mul(STEP)), features, mask, false);
        NDArray product = transposeTimes(fixedPoint, features, mask, moved.sub(image).div(STEP));
        // With |v| = 1, |J^T J v| tends to the top eigenvalue of J^T J, the norm squared.
        norms = perPuzzleNorm(product).sqrt().toFloatArray();
        direction = unit(product);
      }
      int seeds = (int) fixedPoint.getShape().get(0);
      int batch = norms.length / seeds;
      double[] largest = new double[seeds];
      for (int p = 0; p < norms.length; p++) {
        largest[p / batch] = Math.max(largest[p / batch], norms[p]);
      }
      return largest;
    } finally {
      zeroGradients();
    }
  }

  /** {@code J^T u} at {@code h}: the gradient of {@code <f(h), u>} with respect to {@code h}. */
  private NDArray transposeTimes(NDArray h, NDArray features, NDArray mask, NDArray u) {
    NDArray point = h.duplicate();
    point.setRequiresGradient(true);
    try (GradientCollector collector = h.getManager().getEngine().newGradientCollector()) {
      collector.backward(step(point, features, mask, true).mul(u).sum());
    }
    return point.getGradient();
  }

  /** f at {@code h}, masked to the real nodes when {@code mask} is not null. */
  private NDArray step(NDArray h, NDArray features, NDArray mask, boolean training) {
    NDArray next = network.step(parameterStore, h, features, training);
    return mask == null ? next : next.mul(mask);
  }

  private void zeroGradients() {
    for (Parameter parameter : network.getParameters().values()) {
      try (NDArray gradient = parameter.getArray().getGradient()) {
        gradient.subi(gradient);
      }
    }
  }

  private static NDArray unit(NDArray v) {
    return v.div(perPuzzleNorm(v).reshape(v.getShape().get(0), v.getShape().get(1), 1, 1).add(1e-12f));
  }

  /** {@code [K * batch]}: the norm of each seed's each puzzle's slice of {@code v [K, batch, ...]}. */
  private static NDArray perPuzzleNorm(NDArray v) {
    return v.reshape(v.getShape().get(0) * v.getShape().get(1), -1).norm(new int[] {1});
  }
}
