package dev.reckon.plugins.dtnet;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import java.util.Arrays;
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
 * clipped to a norm of {@code clip} as the authors do for stability: each seed's its own ({@link
 * Gradients#stepPerSeed}), as are Adam's moments of its slice of the stacked weights.
 */
final class ProgressiveTrainer {
  private final DeepThinkingNetwork network;
  private final ParameterStore store;
  private final int trainedIterations;
  private final double alpha;
  private final double clip;
  private final DtNetFlops flops;
  private final List<SplittableRandom> randoms;
  private final Optimizer optimizer;

  /**
   * @param network the network to train, initialised, of K seeds
   * @param store the store its forward pass reads the weights from
   * @param settings m, alpha, the schedule and the clip
   * @param flops the network's costs on the training grids, for {@link Update#flops}
   * @param randoms draw seed k's n and k, one a seed
   */
  ProgressiveTrainer(DeepThinkingNetwork network, ParameterStore store, Settings settings, DtNetFlops flops,
      List<SplittableRandom> randoms) {
    this.network = requireNonNull(network, "network is null");
    this.store = requireNonNull(store, "store is null");
    this.flops = requireNonNull(flops, "flops is null");
    this.randoms = List.copyOf(randoms);
    this.trainedIterations = settings.get(DtNetSettings.TRAINED_ITERATIONS);
    this.alpha = settings.get(DtNetSettings.ALPHA);
    this.clip = settings.get(Training.CLIP);
    this.optimizer = Optimisers.adam(new WarmupCosine(settings.get(Training.LEARNING_RATE),
        settings.get(Training.WARMUP), settings.get(Training.UPDATES)), settings.get(Training.WEIGHT_DECAY));
  }

  /**
   * One update of every seed on a batch owned by {@code scope}, which the caller closes. Each seed
   * draws its own n and k from its own stream; the group runs the passes to the largest, a seed
   * that is done keeping its state ({@link DeepThinkingNetwork#think(ParameterStore, NDArray,
   * NDArray, int[], boolean)}), so each seed's loss and gradient are those of its own draw.
   *
   * @param inputs the grids, {@code (B, K C, H, W)} of {@link GridConvolution#COMPUTE_TYPE}
   * @param targets each cell's class, {@code (K, B, cells)} int64
   */
  Update update(NDManager scope, NDArray inputs, NDArray targets) {
    int seeds = randoms.size();
    int m = trainedIterations;
    int full = alpha < 1 ? m : 0;
    int[] warm = new int[seeds];
    int[] progressive = new int[seeds];
    for (int k = 0; k < seeds && alpha > 0; k++) {
      warm[k] = randoms.get(k).nextInt(m);
      progressive[k] = randoms.get(k).nextInt(1, m - warm[k] + 1);
    }
    NDArray warmState = Arrays.stream(warm).anyMatch(n -> n > 0) ? warmState(scope, inputs, warm) : null;
    NDArray loss;
    double memory;
    try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
      List<NDArray> terms = new ArrayList<>();
      if (full > 0) {
        NDArray state = network.think(store, network.project(store, inputs, true), inputs, full, true);
        terms.add(weighted(scope, crossEntropy(network.readOut(store, state, true), targets), 1 - alpha));
      }
      if (alpha > 0) {
        NDArray state = network.think(store, progressiveStart(inputs, warmState, warm), inputs, progressive, true);
        terms.add(weighted(scope, crossEntropy(network.readOut(store, state, true), targets), alpha));
      }
      loss = terms.size() == 1 ? terms.get(0) : terms.get(0).add(terms.get(1));
      memory = UpdateMemory.megabytes(scope);
      // The seeds' losses summed: each seed's weights get the gradient of its own loss alone.
      collector.backward(loss.sum());
    }
    Gradients.stepPerSeed(network, optimizer, clip, scope);
    long[] seedFlops = new long[seeds];
    for (int k = 0; k < seeds; k++) {
      seedFlops[k] = flops.trainingUpdate(batch(inputs), full, warm[k], progressive[k]);
    }
    return new Update(loss, memory, seedFlops);
  }

  /**
   * Each seed's state after its {@code warm[k]} passes from the projection, computed before any
   * gradient collector opens, so nothing of it is recorded for the backward pass (the authors'
   * detach); its intermediates are freed at once, so the update's memory does not grow with n.
   */
  private NDArray warmState(NDManager scope, NDArray inputs, int[] warm) {
    try (NDManager scratch = scope.newSubManager()) {
      inputs.attach(scratch);
      NDArray state = network.think(store, network.project(store, inputs, true), inputs, warm, true);
      state.attach(scope);
      inputs.attach(scope);
      return state;
    }
  }

  /**
   * Where seed k's progressive term starts: its warm state, or, when its n is 0, the projection,
   * with gradients.
   */
  private NDArray progressiveStart(NDArray inputs, NDArray warmState, int[] warm) {
    if (Arrays.stream(warm).allMatch(n -> n > 0)) {
      return warmState;
    }
    NDArray projected = network.project(store, inputs, true);
    return warmState == null ? projected : NDArrays.where(network.seedsWithPasses(projected, warm, 1), warmState,
        projected);
  }

  /**
   * Each seed's mean cross-entropy of every cell's class, {@code (K)}.
   *
   * @param logits {@code (B, K labels, H, W)}
   * @param targets {@code (K, B, cells)} int64
   */
  private NDArray crossEntropy(NDArray logits, NDArray targets) {
    int seeds = network.seeds();
    NDArray rows = GridBatch.cellRows(logits, seeds);
    int labels = Math.toIntExact(rows.getShape().get(3));
    return rows.logSoftmax(-1).mul(targets.oneHot(labels)).sum(new int[] {-1}).reshape(seeds, -1).mean(new int[] {1})
        .neg();
  }

  /** {@code term} times {@code weight}, the weight an {@link EngineScalar} on the gradient's path. */
  private static NDArray weighted(NDManager scope, NDArray term, double weight) {
    return term.mul(EngineScalar.of(scope, weight, term.getDataType()));
  }

  private static int batch(NDArray inputs) {
    return Math.toIntExact(inputs.getShape().get(0));
  }

  /**
   * @param loss each seed's loss before the update's step, {@code (K)} of the compute type
   * @param memoryMegabytes the arrays alive in the batch's manager at the loss: what the update
   *     keeps for its backward pass, all the seeds' (see {@link UpdateMemory#megabytes})
   * @param flops each seed's floating-point operations ({@link DtNetFlops#trainingUpdate}) at its
   *     own n and k, as alone
   */
  record Update(NDArray loss, double memoryMegabytes, long[] flops) {}
}
