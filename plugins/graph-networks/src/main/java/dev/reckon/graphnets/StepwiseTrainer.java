package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.reckon.api.UpdateMemory;

/**
 * Optimiser updates of a {@link RecurrentRelationalNetwork} with Adam on the {@link
 * StepwiseCrossEntropy} over the blanks: the loss of every training step counts, the givens'
 * trivially copied labels do not.
 *
 * <p>The step size decays on a cosine because a constant one let generalisation drift: trained
 * on 6x6 puzzles with 16 blanks, accuracy on minimal puzzles at 4T fell from 52% after 800
 * updates to 38% after 2500 at a constant 0.002, and held at 47% and 48% after 800 and 1500 with
 * the decay.
 *
 * <p>Adam's moment arrays are made at the first update, attached to the weights' manager; later
 * updates allocate only in the batch's manager, which the caller closes.
 */
public final class StepwiseTrainer {
  private final RecurrentRelationalNetwork network;
  private final ParameterStore parameterStore;
  private final Optimizer optimizer;
  private final StepwiseCrossEntropy loss = new StepwiseCrossEntropy();

  /**
   * @param network the network to train, initialised
   * @param parameterStore the store its forward pass reads the weights from
   * @param learningRate Adam's step size at the start
   * @param finalLearningRate the step size at the last update
   * @param updates the updates planned: the step size follows a cosine between the two
   */
  public StepwiseTrainer(RecurrentRelationalNetwork network, ParameterStore parameterStore, double learningRate,
      double finalLearningRate, int updates) {
    this.network = requireNonNull(network, "network is null");
    this.parameterStore = requireNonNull(parameterStore, "parameterStore is null");
    this.optimizer = adam(learningRate, finalLearningRate, updates);
  }

  /**
   * Adam with its step size on a cosine from {@code start} to {@code end} over {@code updates},
   * either way: DJL's cosine tracker only decays, and a schedule that rises is how a test drives
   * a trained network into a collapse.
   */
  public static Optimizer adam(double start, double end, int updates) {
    Tracker schedule = update -> (float) (end + (start - end) * (1 + Math.cos(Math.PI * Math.min(update, updates)
        / updates)) / 2);
    return Optimizer.adam().optLearningRateTracker(schedule).build();
  }

  /** One step of {@code optimizer} on every weight of {@code network}, from its gradient. */
  public static void applyGradients(Block network, Optimizer optimizer) {
    for (Parameter parameter : network.getParameters().values()) {
      NDArray weight = parameter.getArray();
      // A fresh handle on the gradient, owned by the weight's long-lived manager: close it here.
      try (NDArray gradient = weight.getGradient()) {
        optimizer.update(parameter.getId(), weight, gradient);
      }
    }
  }

  /**
   * One update on {@code batch}.
   *
   * @return the loss (a scalar) and the logits {@code [batch, nodes, labels]} of the last step,
   *     owned by the batch's manager, and the update's memory
   */
  public Update update(PuzzleBatch batch) {
    return update(new NDList(batch.givens()), batch.targets(), batch.blanks());
  }

  /**
   * One update on a batch of graphs per example: the caller has pointed the network's neighbours
   * at the batch's ({@link SampledNeighbours#use(NDArray, NDArray)}); padding nodes weigh 0.
   */
  public Update update(GraphBatch batch) {
    return update(batch.inputs(), batch.targets(), batch.weights());
  }

  private Update update(NDList inputs, NDArray targets, NDArray weights) {
    NDList logits;
    NDArray value;
    double memory;
    NDArray givens = inputs.get(0);
    try (GradientCollector collector = givens.getManager().getEngine().newGradientCollector()) {
      logits = network.forward(parameterStore, inputs, true);
      value = loss.evaluate(new NDList(targets, weights), logits);
      memory = UpdateMemory.megabytes(givens.getManager());
      collector.backward(value);
    }
    applyGradients(network, optimizer);
    return new Update(value, logits.get(logits.size() - 1), memory);
  }

  /**
   * @param loss the stepwise loss before the update, a scalar
   * @param lastLogits the last training step's logits {@code [batch, nodes, labels]}
   * @param memoryMegabytes the arrays alive in the batch's manager at the loss: the update's
   *     activations kept for the backward pass (see {@link UpdateMemory#megabytes})
   */
  public record Update(NDArray loss, NDArray lastLogits, double memoryMegabytes) {}
}
