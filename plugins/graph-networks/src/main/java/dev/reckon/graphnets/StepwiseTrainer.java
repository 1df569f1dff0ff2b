package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.UpdateMemory;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Settings;

/**
 * Optimiser updates of a {@link RecurrentRelationalNetwork} with Adam on the stepwise
 * cross-entropy over the blanks ({@link SeedLosses#stepwiseCrossEntropy}): the loss of every
 * training step counts, the givens' trivially copied labels do not. The step size follows {@link
 * GraphNetworkSettings#schedule}. A network of K seeds takes their K batches at once, each seed's
 * loss its own, its weights stepped by its own gradient ({@link Gradients#stepPerSeed}, unclipped).
 *
 * <p>Adam's moment arrays are made at the first update, attached to the weights' manager; later
 * updates allocate only in the batch's manager, which the caller closes.
 */
public final class StepwiseTrainer {
  private final RecurrentRelationalNetwork network;
  private final ParameterStore parameterStore;
  private final Optimizer optimizer;

  /**
   * @param network the network to train, initialised
   * @param parameterStore the store its forward pass reads the weights from
   * @param settings the graph network's settings: the step size's schedule over the updates
   */
  public StepwiseTrainer(RecurrentRelationalNetwork network, ParameterStore parameterStore, Settings settings) {
    this.network = requireNonNull(network, "network is null");
    this.parameterStore = requireNonNull(parameterStore, "parameterStore is null");
    this.optimizer = Optimisers.adam(GraphNetworkSettings.schedule(settings));
  }

  /**
   * One update on {@code batch}, its arrays {@code [K, batch, nodes]}: seed k's examples in slice k.
   *
   * @return the losses {@code [K]} and the logits {@code [K, batch, nodes, labels]} of the last
   *     step, owned by the batch's manager, and the update's memory
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
    NDManager scope = inputs.get(0).getManager();
    try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
      logits = network.forward(parameterStore, inputs, true);
      value = SeedLosses.stepwiseCrossEntropy(targets, weights, logits);
      memory = UpdateMemory.megabytes(scope);
      collector.backward(value.sum());
    }
    Gradients.stepPerSeed(network, optimizer, 0, scope);
    return new Update(value, logits.get(logits.size() - 1), memory);
  }

  /**
   * @param loss each seed's stepwise loss before the update, {@code [K]}
   * @param lastLogits the last training step's logits {@code [K, batch, nodes, labels]}
   * @param memoryMegabytes the arrays alive in the batch's manager at the loss: the update's
   *     activations kept for the backward pass (see {@link UpdateMemory#megabytes})
   */
  public record Update(NDArray loss, NDArray lastLogits, double memoryMegabytes) {}
}
