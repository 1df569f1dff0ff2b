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
import dev.reckon.graphnets.SeedLosses;
import dev.reckon.kit.EngineScalar;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Settings;
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
 * <p>A network of K seeds ({@link dev.reckon.kit.SeedAxis}) trains on their K batches at once:
 * the solver sees the K seeds' B puzzles as K * B independent problems, each seed's loss and
 * penalty are its own, and each seed's weights step by its own gradient. The solve runs until the
 * slowest seed's slowest puzzle is solved (or the cap), rather than dropping a seed whose puzzles
 * are all solved: a solved puzzle's answer, residual and evaluation count are frozen when it is
 * solved ({@link FixedPointSolver}), so each seed's solve is the one it would run alone, and
 * keeping every seed in every evaluation keeps the arrays' shapes, and so the engine calls, fixed.
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
  private final RandomSigns signs;

  /**
   * @param network the network whose step is f, initialised
   * @param parameterStore the store its forward pass reads the weights from
   * @param settings the solver, k, the penalty and the schedule ({@link DeqSettings})
   * @param seeds each seed's penalty directions, one seed per slice of the network
   */
  public PhantomGradientTrainer(
      RecurrentRelationalNetwork network, ParameterStore parameterStore, Settings settings, long... seeds) {
    this.network = requireNonNull(network, "network is null");
    this.parameterStore = requireNonNull(parameterStore, "parameterStore is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.solver = DeqSettings.trainingSolver(settings);
    this.signs = new RandomSigns(seeds);
    this.optimizer = Optimisers.adam(GraphNetworkSettings.schedule(settings));
  }

  /**
   * One update on {@code batch}, its arrays {@code [K, batch, nodes]}: seed k's puzzles in slice k.
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
   * {@code [K, batch, N, 1]} float, owned by the batch's manager: 1 on an example's real nodes, 0
   * on the padding nodes of a {@link GraphBatch}.
   */
  public static NDArray nodeMask(GraphBatch batch) {
    int nodes = batch.nodes();
    float[] mask = new float[batch.seeds() * batch.size() * nodes];
    for (int k = 0; k < batch.seeds(); k++) {
      for (int b = 0; b < batch.size(); b++) {
        int first = (k * batch.size() + b) * nodes;
        Arrays.fill(mask, first, first + batch.nodeCounts()[k][b], 1f);
      }
    }
    return batch.givens().getManager().create(mask, new Shape(batch.seeds(), batch.size(), nodes, 1));
  }

  /**
   * The solver's problems: a state {@code [K, batch, N, H]} as {@code [K * batch, N, H]}, each
   * seed's each puzzle a problem of its own.
   */
  static NDArray problems(NDArray state) {
    Shape shape = state.getShape();
    return state.reshape(shape.get(0) * shape.get(1), shape.get(2), shape.get(3));
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
   * @param mask {@code [K, batch, N, 1]} on the real nodes, or null on a shared graph, where the
   *     update is exactly the one it always was
   */
  private Update update(NDList inputs, NDArray targets, NDArray weights, NDArray mask) {
    NDManager scope = inputs.get(0).getManager();
    NDArray detachedFeatures = network.encode(parameterStore, inputs, false);
    Shape shape = detachedFeatures.getShape();
    double[] peak = {0};
    FixedPointSolver.Solution equilibrium = solver.solve(
        (h, step) -> problems(apply(h.reshape(shape), attached(detachedFeatures, step),
            mask == null ? null : attached(mask, step), false)),
        problems(detachedFeatures.zerosLike()),
        (evaluations, answer, residuals) -> peak[0] = Math.max(peak[0], UpdateMemory.megabytes(scope)));
    NDArray fixedPoint = equilibrium.answer().reshape(shape);
    NDArray logits;
    NDArray value;
    NDArray penalty = null;
    try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
      NDArray features = network.encode(parameterStore, inputs, true);
      NDArray state = apply(fixedPoint, features, mask, true);
      if (settings.get(DeqSettings.JACOBIAN_PENALTY) > 0) {
        NDArray step = EngineScalar.of(scope, PENALTY_STEP);
        NDArray direction = signs.next(scope, shape);
        NDArray moved = apply(fixedPoint.add(direction.mul(step)), features, mask, true);
        NDArray squares = moved.sub(state).div(step).square();
        // Each seed's mean; with a mask, over the real nodes' entries: padding rows are 0 and do not count.
        int[] perSeed = {1, 2, 3};
        penalty = mask == null ? squares.reshape(shape.get(0), -1).mean(new int[] {1})
            : squares.sum(perSeed).div(mask.sum(perSeed).mul(EngineScalar.of(scope, (float) shape.get(3))));
      }
      for (int k = 1; k < settings.get(DeqSettings.GRADIENT_STEPS); k++) {
        state = apply(state, features, mask, true);
      }
      logits = network.readout(parameterStore, state, true);
      value = SeedLosses.stepwiseCrossEntropy(targets, weights, new NDList(logits));
      NDArray objective = penalty == null ? value
          : value.add(penalty.mul(EngineScalar.of(scope, settings.get(DeqSettings.JACOBIAN_PENALTY).floatValue())));
      peak[0] = Math.max(peak[0], UpdateMemory.megabytes(scope));
      collector.backward(objective.sum());
    }
    Gradients.stepPerSeed(network, optimizer, 0, scope);
    return new Update(value, logits, fixedPoint, detachedFeatures, equilibrium,
        penalty == null ? new float[(int) shape.get(0)] : penalty.toFloatArray(), peak[0]);
  }

  /** {@code array} moved into {@code scope} until it closes, so what is computed from it lands there. */
  static NDArray attached(NDArray array, NDManager scope) {
    array.tempAttach(scope);
    return array;
  }

  /**
   * @param loss each seed's cross-entropy before the update, {@code [K]}
   * @param logits the read-out {@code [K, batch, nodes, labels]} after the k steps
   * @param fixedPoint the solver's {@code h* [K, batch, nodes, hidden]}, detached
   * @param features the encoded givens {@code x}, likewise, detached
   * @param solution the solve: evaluations and residuals per puzzle, seed k's B puzzles at
   *     {@code k B .. (k + 1) B - 1}
   * @param penalty each seed's Jacobian penalty's estimate of {@code |J|_F^2 / dim}, 0 without one
   * @param memoryMegabytes the most engine arrays alive in the batch's manager during the update
   *     (see {@link UpdateMemory#megabytes}), in the solve or at the loss
   */
  public record Update(NDArray loss, NDArray logits, NDArray fixedPoint, NDArray features,
      FixedPointSolver.Solution solution, float[] penalty, double memoryMegabytes) {}
}
