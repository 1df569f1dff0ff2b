package dev.reckon.plugins.dtnet;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.UpdateMemory;
import dev.reckon.kit.EngineScalar;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.Settings;
import dev.reckon.kit.Training;
import dev.reckon.kit.WarmupCosine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Optimiser updates of a {@link DeepThinkingNetwork} by Bansal et al.'s incremental progress
 * training (their Algorithm 1): the loss is {@code (1 - alpha) L_m + alpha L_progressive}, where
 * {@code L_m} is the cross-entropy of every cell after m passes from the projection, and {@code
 * L_progressive} that after n ~ U{0..m-1} passes run without gradients (the state then taken as it
 * is, detached) and k ~ U{1..m-n} more with them. The progressive term cannot lean on the pass
 * number, since it does not know n: it pushes the network towards passes that improve whatever
 * state they are given, which can be repeated indefinitely. A term whose weight is 0 is not
 * computed (alpha 0: the plain loss after m passes, as Schwarzschild et al. trained).
 *
 * <p>Adam with weight decay, the step size under a {@link WarmupCosine} schedule, the whole gradient
 * clipped to a norm of {@code clip} as the authors do for stability.
 */
final class ProgressiveTrainer {
  private final DeepThinkingNetwork network;
  private final ParameterStore store;
  private final int trainedIterations;
  private final double alpha;
  private final double clip;
  private final DtNetFlops flops;
  private final SplittableRandom random;
  private final Optimizer optimizer;

  /**
   * @param network the network to train, initialised
   * @param store the store its forward pass reads the weights from
   * @param settings m, alpha, the schedule and the clip
   * @param flops the network's costs on the training grids, for {@link Update#flops}
   * @param random draws n and k
   */
  ProgressiveTrainer(DeepThinkingNetwork network, ParameterStore store, Settings settings, DtNetFlops flops,
      SplittableRandom random) {
    this.network = requireNonNull(network, "network is null");
    this.store = requireNonNull(store, "store is null");
    this.flops = requireNonNull(flops, "flops is null");
    this.random = requireNonNull(random, "random is null");
    this.trainedIterations = settings.get(DtNetSettings.TRAINED_ITERATIONS);
    this.alpha = settings.get(DtNetSettings.ALPHA);
    this.clip = settings.get(Training.CLIP);
    this.optimizer = Optimisers.adam(new WarmupCosine(settings.get(Training.LEARNING_RATE),
        settings.get(Training.WARMUP), settings.get(Training.UPDATES)), settings.get(Training.WEIGHT_DECAY));
  }

  /**
   * One update on a batch owned by {@code scope}, which the caller closes.
   *
   * @param inputs the grids, {@code (B, C, H, W)} of {@link GridConvolution#COMPUTE_TYPE}
   * @param targets each cell's class, {@code (B, cells)} int64
   */
  Update update(NDManager scope, NDArray inputs, NDArray targets) {
    int m = trainedIterations;
    int full = alpha < 1 ? m : 0;
    int warm = alpha > 0 ? random.nextInt(m) : 0;
    int progressive = alpha > 0 ? random.nextInt(1, m - warm + 1) : 0;
    NDArray warmState = warm > 0 ? warmState(scope, inputs, warm) : null;
    NDArray loss;
    double memory;
    try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
      List<NDArray> terms = new ArrayList<>();
      if (full > 0) {
        NDArray state = network.think(store, network.project(store, inputs, true), inputs, full, true);
        terms.add(weighted(scope, crossEntropy(network.readOut(store, state, true), targets), 1 - alpha));
      }
      if (progressive > 0) {
        NDArray start = warmState != null ? warmState : network.project(store, inputs, true);
        NDArray state = network.think(store, start, inputs, progressive, true);
        terms.add(weighted(scope, crossEntropy(network.readOut(store, state, true), targets), alpha));
      }
      loss = terms.size() == 1 ? terms.get(0) : terms.get(0).add(terms.get(1));
      memory = UpdateMemory.megabytes(scope);
      collector.backward(loss);
    }
    Gradients.step(network, optimizer, clip, scope);
    return new Update(loss, memory, flops.trainingUpdate(batch(inputs), full, warm, progressive));
  }

  /**
   * The state after {@code passes} passes from the projection, computed before any gradient
   * collector opens, so nothing of it is recorded for the backward pass (the authors' detach);
   * its intermediates are freed at once, so the update's memory does not grow with n.
   */
  private NDArray warmState(NDManager scope, NDArray inputs, int passes) {
    try (NDManager warm = scope.newSubManager()) {
      inputs.attach(warm);
      NDArray state = network.think(store, network.project(store, inputs, true), inputs, passes, true);
      state.attach(scope);
      inputs.attach(scope);
      return state;
    }
  }

  /**
   * The mean cross-entropy of every cell's class.
   *
   * @param logits {@code (B, labels, H, W)}
   * @param targets {@code (B, cells)} int64
   */
  static NDArray crossEntropy(NDArray logits, NDArray targets) {
    NDArray rows = GridBatch.cellRows(logits);
    int labels = Math.toIntExact(rows.getShape().get(2));
    return rows.logSoftmax(-1).mul(targets.oneHot(labels)).sum(new int[] {-1}).mean().neg();
  }

  /** {@code term} times {@code weight}, the weight an {@link EngineScalar} on the gradient's path. */
  private static NDArray weighted(NDManager scope, NDArray term, double weight) {
    return term.mul(EngineScalar.of(scope, weight, term.getDataType()));
  }

  private static int batch(NDArray inputs) {
    return Math.toIntExact(inputs.getShape().get(0));
  }

  /**
   * @param loss the update's loss before its step, a scalar of the compute type
   * @param memoryMegabytes the arrays alive in the batch's manager at the loss: what the update
   *     keeps for its backward pass (see {@link UpdateMemory#megabytes})
   * @param flops the update's floating-point operations ({@link DtNetFlops#trainingUpdate})
   */
  record Update(NDArray loss, double memoryMegabytes, long flops) {}
}
