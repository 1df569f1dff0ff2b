package dev.reckon.plugins.deq;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.UpdateMemory;
import dev.reckon.graphnets.GraphBatch;
import dev.reckon.graphnets.GraphNetworkSettings;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.kit.EngineScalar;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Settings;
import dev.reckon.kit.StepwiseCrossEntropy;
import java.util.Arrays;

/**
 * Optimiser updates of a deep-equilibrium graph network: solve {@code h* = f(h*, x)} without
 * gradients, then unroll k steps of f from the detached {@code h*} with gradients and take the
 * cross-entropy of the read-out over the blanks (the phantom gradient; with k = 1 Jacobian-free
 * backpropagation). The backward pass then costs k steps whatever the solver needed, and keeps
 * k steps' activations, not the solver's.
 *
 * <p>With a Jacobian penalty, the loss adds {@code penalty * |J v|^2 / dim} for a random
 * {@code v} of +-1 entries, an unbiased estimate of {@code |J|_F^2 / dim} of f at the fixed point, taken by a
 * finite difference (DJL has no forward-mode derivatives); it keeps f contractive there.
 *
 * <p>Adam with the step size on a cosine, as the rrn's ({@link GraphNetworkSettings#schedule}).
 *
 * <p>Every constant that multiplies or divides an array on the gradient's path is an array the
 * engine allocated ({@link EngineScalar}), never a Java number: see there.
 */
public final class PhantomGradientTrainer {
  /** Finite-difference step of the penalty's Jacobian-vector product, per element. */
  private static final float PENALTY_STEP = 1e-2f;

  private final RecurrentRelationalNetwork network;
  private final ParameterStore parameterStore;
  private final Settings settings;
  private final FixedPointSolver solver;
  private final Optimizer optimizer;
  private final StepwiseCrossEntropy loss = new StepwiseCrossEntropy();
  private final RandomSigns signs;

  /**
   * @param network the network whose step is f, initialised
   * @param parameterStore the store its forward pass reads the weights from
   * @param settings the solver, k, the penalty and the schedule ({@link DeqSettings})
   * @param seed seeds the penalty's directions
   */
  public PhantomGradientTrainer(
      RecurrentRelationalNetwork network, ParameterStore parameterStore, Settings settings, long seed) {
    this.network = requireNonNull(network, "network is null");
    this.parameterStore = requireNonNull(parameterStore, "parameterStore is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.solver = DeqSettings.trainingSolver(settings);
    this.signs = new RandomSigns(seed);
    this.optimizer = Optimisers.adam(GraphNetworkSettings.schedule(settings));
  }

  /**
   * One update on {@code batch}.
   *
   * @param batch the puzzles, whose manager the caller closes after the update
   */
  public Update update(PuzzleBatch batch) {
    return update(new NDList(batch.givens()), batch.targets(), batch.blanks(), null);
  }

  /**
   * One update on a batch of graphs per example: the caller has pointed the network's neighbours
   * at the batch's ({@link dev.reckon.graphnets.SampledNeighbours#use}). f is masked to the real
   * nodes ({@link #nodeMask}): a padding node's state stays 0, so it adds nothing to the solve's
   * residual, Anderson's mixing or the Jacobian penalty; it weighs 0 in the cross-entropy.
   *
   * @param batch the examples, whose manager the caller closes after the update
   */
  public Update update(GraphBatch batch) {
    NDArray mask = nodeMask(batch);
    return update(batch.inputs(), batch.targets(), batch.weights(), mask);
  }

  /**
   * {@code [batch, N, 1]} float, owned by the batch's manager: 1 on an example's real nodes, 0 on
   * the padding nodes of a {@link GraphBatch}.
   */
  public static NDArray nodeMask(GraphBatch batch) {
    int nodes = batch.nodes();
    float[] mask = new float[batch.size() * nodes];
    for (int b = 0; b < batch.size(); b++) {
      Arrays.fill(mask, b * nodes, b * nodes + batch.nodeCounts()[b], 1f);
    }
    return batch.givens().getManager().create(mask, new Shape(batch.size(), nodes, 1));
  }

  /**
   * f: the network's step, times {@code mask} when there is one (graphs per example), else the
   * step itself (a shared graph: no extra operation).
   */
  NDArray apply(NDArray h, NDArray features, NDArray mask, boolean training) {
    NDArray next = network.step(parameterStore, h, features, training);
    return mask == null ? next : next.mul(mask);
  }

  /**
   * @param mask {@code [batch, N, 1]} on the real nodes, or null on a shared graph, where the
   *     update is exactly the one it always was
   */
  private Update update(NDList inputs, NDArray targets, NDArray weights, NDArray mask) {
    NDManager scope = inputs.get(0).getManager();
    NDArray detachedFeatures = network.encode(parameterStore, inputs, false);
    double[] peak = {0};
    FixedPointSolver.Solution equilibrium = solver.solve(
        (h, step) -> apply(h, attached(detachedFeatures, step), mask == null ? null : attached(mask, step), false),
        detachedFeatures.zerosLike(),
        (evaluations, answer, residuals) -> peak[0] = Math.max(peak[0], UpdateMemory.megabytes(scope)));
    NDArray fixedPoint = equilibrium.answer();
    NDArray logits;
    NDArray value;
    NDArray penalty = null;
    try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
      NDArray features = network.encode(parameterStore, inputs, true);
      NDArray state = apply(fixedPoint, features, mask, true);
      if (settings.get(DeqSettings.JACOBIAN_PENALTY) > 0) {
        NDArray step = EngineScalar.of(scope, PENALTY_STEP);
        NDArray direction = signs.next(scope, fixedPoint.getShape());
        NDArray moved = apply(fixedPoint.add(direction.mul(step)), features, mask, true);
        NDArray squares = moved.sub(state).div(step).square();
        // With a mask, the mean over the real nodes' entries: padding rows are 0 and do not count.
        penalty = mask == null ? squares.mean()
            : squares.sum().div(mask.sum().mul(EngineScalar.of(scope, (float) fixedPoint.getShape().get(2))));
      }
      for (int k = 1; k < settings.get(DeqSettings.GRADIENT_STEPS); k++) {
        state = apply(state, features, mask, true);
      }
      logits = network.readout(parameterStore, state, true);
      value = loss.evaluate(new NDList(targets, weights), new NDList(logits));
      NDArray objective = penalty == null ? value
          : value.add(penalty.mul(EngineScalar.of(scope, settings.get(DeqSettings.JACOBIAN_PENALTY).floatValue())));
      peak[0] = Math.max(peak[0], UpdateMemory.megabytes(scope));
      collector.backward(objective);
    }
    Gradients.step(network, optimizer);
    return new Update(value, logits, fixedPoint, detachedFeatures, equilibrium,
        penalty == null ? 0 : penalty.getFloat(), peak[0]);
  }

  /** {@code array} moved into {@code scope} until it closes, so what is computed from it lands there. */
  static NDArray attached(NDArray array, NDManager scope) {
    array.tempAttach(scope);
    return array;
  }

  /**
   * @param loss the cross-entropy before the update, a scalar
   * @param logits the read-out {@code [batch, nodes, labels]} after the k steps
   * @param fixedPoint the solver's {@code h*}, detached
   * @param features the encoded givens {@code x}, detached
   * @param solution the solve: evaluations and residuals per puzzle
   * @param penalty the Jacobian penalty's estimate of {@code |J|_F^2 / dim}, 0 without one
   * @param memoryMegabytes the most engine arrays alive in the batch's manager during the update
   *     (see {@link UpdateMemory#megabytes}), in the solve or at the loss
   */
  public record Update(NDArray loss, NDArray logits, NDArray fixedPoint, NDArray features,
      FixedPointSolver.Solution solution, double penalty, double memoryMegabytes) {}
}
