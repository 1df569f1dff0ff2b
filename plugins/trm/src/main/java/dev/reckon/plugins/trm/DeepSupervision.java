package dev.reckon.plugins.trm;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.UpdateMemory;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Settings;
import dev.reckon.kit.Training;
import dev.reckon.kit.WarmupCosine;

/**
 * The paper's training: deep supervision. A batch is kept for N_sup supervision steps in a row
 * (the caller's loop), each one optimiser update ({@link #update}): T - 1 recursion processes
 * without gradients, the last with them, the cross-entropy of the answer the output head reads
 * out of y, and AdamW's step; y and z go on, detached, to the batch's next supervision step. So
 * the gradient reaches back through one recursion process only, and the steps before are the
 * earlier supervision steps' work, which is what lets the model improve its answer step after
 * step, also beyond N_sup at test time.
 *
 * <p>The loss counts every cell, givens too, as the paper's (the mean cross-entropy over the
 * batch's cells), although prediction keeps the givens: asking y to hold each
 * given's label gives the network a signal from the first update, which it then routes to the
 * blanks. Counting the blanks alone (the rrn's loss) left it at chance on 6x6 sudoku for a whole
 * 500-update run at one seed of two (the loss at ln 6 from update 40 on); with every cell both
 * seeds learned (b16 puzzle accuracy 0.98 and 0.99 at N_sup).
 *
 * <p>Two parts of the paper's recipe are left out, as they pay over tens of thousands of updates,
 * not a few hundred: the halting head (ACT, a learned stop that ends a puzzle's steps early and
 * frees its slot for new puzzles, so that a long run sees more of them), so every batch gets its
 * N_sup steps; and the exponential moving average of the weights (decay 0.999, an average over
 * the last thousand updates, about the whole of a CPU run here), whose smoothing the cosine decay
 * to a twentieth of the step size gives at the end of a short run.
 *
 * <p>Outside a {@link GradientCollector} the engine records nothing, so the T - 1 processes before
 * it cost no graph memory; x is embedded on each side (outside only when T > 1), as the lookup is
 * cheap.
 *
 * <p>A network of K seeds takes a batch of each seed at once ({@code [K, B, L]}): each seed's loss
 * is its own batch's mean, the backward pass runs on their sum, so that each seed's slice gets the
 * gradient of its own loss, and AdamW steps each slice on its own ({@link Gradients#stepPerSeed}).
 * No seed decides anything for another: there is no halting head, so every batch gets its N_sup
 * steps in every seed.
 */
final class DeepSupervision {
  private final TinyRecursiveNetwork network;
  private final ParameterStore store;
  private final int recursions;
  private final Optimizer optimizer;

  /**
   * @param network the network to train, initialised
   * @param store the store its forward pass reads the weights from
   * @param settings T, and AdamW's schedule: warm-up to the peak step size, a cosine to a
   *     twentieth of it at the last update, and the weight decay
   */
  DeepSupervision(TinyRecursiveNetwork network, ParameterStore store, Settings settings) {
    this.network = requireNonNull(network, "network is null");
    this.store = requireNonNull(store, "store is null");
    this.recursions = settings.get(TrmSettings.RECURSIONS);
    this.optimizer = Optimisers.adamW(new WarmupCosine(settings.get(Training.LEARNING_RATE),
        settings.get(Training.WARMUP), settings.get(Training.UPDATES)), settings.get(Training.WEIGHT_DECAY));
  }

  /**
   * One supervision step of {@code batch} ({@code [K, B, L]}) from {@code state}, and the
   * optimiser's update. The arrays it makes land in the manager of the batch and the state, which
   * the caller closes.
   */
  Update update(PuzzleBatch batch, RecursionState state) {
    NDArray givens = batch.givens();
    if (recursions > 1) {
      NDArray x = network.embed(store, givens, false);
      for (int process = 1; process < recursions; process++) {
        state = network.recurse(store, x, state, false);
      }
    }
    NDArray logits;
    NDArray value;
    double memory;
    RecursionState next;
    try (GradientCollector collector = givens.getManager().getEngine().newGradientCollector()) {
      next = network.recurse(store, network.embed(store, givens, true), state, true);
      logits = network.readOut(store, next.answer(), true);
      value = crossEntropy(logits, batch.targets());
      memory = UpdateMemory.megabytes(givens.getManager());
      collector.backward(value.sum());
    }
    Gradients.stepPerSeed(network, optimizer, 0, givens.getManager());
    return new Update(value, logits, memory, next.detached());
  }

  /**
   * Each seed's mean cross-entropy over its batch's cells: logits {@code [K, B, L, C]} and targets
   * {@code [K, B, L]} to {@code [K]}.
   */
  private static NDArray crossEntropy(NDArray logits, NDArray targets) {
    long classes = logits.getShape().get(logits.getShape().dimension() - 1);
    NDArray answerLogProbability = logits.logSoftmax(-1).mul(targets.oneHot((int) classes)).sum(new int[] {-1});
    return answerLogProbability.reshape(answerLogProbability.getShape().get(0), -1).mean(new int[] {1}).neg();
  }

  /**
   * @param loss each seed's cross-entropy over the cells before the update, {@code [K]}
   * @param logits the answer's logits {@code [K, batch, cells, labels]}
   * @param memoryMegabytes the arrays alive in the batch's manager at the loss (see {@link UpdateMemory#megabytes})
   * @param next y and z after the step, detached, for the batch's next supervision step
   */
  record Update(NDArray loss, NDArray logits, double memoryMegabytes, RecursionState next) {}
}
