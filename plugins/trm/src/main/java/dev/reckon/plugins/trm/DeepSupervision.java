package dev.reckon.plugins.trm;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.UpdateMemory;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Settings;
import dev.reckon.kit.StepwiseCrossEntropy;
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
 * <p>The loss counts every cell, givens too, as the paper's ({@link StepwiseCrossEntropy} with
 * one read-out and every weight 1), although prediction keeps the givens: asking y to hold each
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
 * it cost no graph memory; x is embedded twice, once on each side, as the lookup is cheap.
 */
final class DeepSupervision {
  private final TinyRecursiveNetwork network;
  private final ParameterStore store;
  private final int recursions;
  private final Optimizer optimizer;
  private final StepwiseCrossEntropy loss = new StepwiseCrossEntropy();

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
   * One supervision step of {@code batch} from {@code state}, and the optimiser's update. The
   * arrays it makes land in the manager of the batch and the state, which the caller closes.
   */
  Update update(PuzzleBatch batch, RecursionState state) {
    NDArray givens = batch.givens();
    NDArray x = network.embed(store, givens, false);
    for (int process = 1; process < recursions; process++) {
      state = network.recurse(store, x, state, false);
    }
    NDArray logits;
    NDArray value;
    double memory;
    RecursionState next;
    try (GradientCollector collector = givens.getManager().getEngine().newGradientCollector()) {
      next = network.recurse(store, network.embed(store, givens, true), state, true);
      logits = network.readOut(store, next.answer(), true);
      value = loss.evaluate(new NDList(batch.targets(), batch.blanks().onesLike()), new NDList(logits));
      memory = UpdateMemory.megabytes(givens.getManager());
      collector.backward(value);
    }
    Gradients.step(network, optimizer);
    return new Update(value, logits, memory, next.detached());
  }

  /**
   * @param loss the cross-entropy over the cells before the update, a scalar
   * @param logits the answer's logits {@code [batch, cells, labels]}
   * @param memoryMegabytes the arrays alive in the batch's manager at the loss (see {@link UpdateMemory#megabytes})
   * @param next y and z after the step, detached, for the batch's next supervision step
   */
  record Update(NDArray loss, NDArray logits, double memoryMegabytes, RecursionState next) {}
}
