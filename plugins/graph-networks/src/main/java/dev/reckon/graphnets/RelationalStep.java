package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;

/**
 * One step of message passing, {@code h' = f(h, x)}: every node sums the messages of its
 * neighbours ({@link MessageFunction}) and updates its state from its input features and those
 * messages ({@link GatedNodeUpdate}). A recurrent network applies it T times with shared weights;
 * a deep-equilibrium one solves {@code h* = f(h*, x)}. Its weights are stacked over K seeds
 * ({@link SeedAxis}).
 *
 * <ul>
 *   <li>input: {@code h [K, batch, nodes, hidden]}, {@code x [K, batch, nodes, hidden]}
 *   <li>output: {@code h' [K, batch, nodes, hidden]}
 * </ul>
 */
public final class RelationalStep extends AbstractBlock {
  private final int hidden;
  private final MessageFunction messages;
  private final GatedNodeUpdate update;

  /**
   * @param axis the seeds
   * @param slots the graph's edges
   * @param hidden the node state and input feature size
   * @param messageWidth the message MLP's hidden layer size
   * @param messageLayers the message MLP's linear layers
   */
  public RelationalStep(SeedAxis axis, Neighbours slots, int hidden, int messageWidth, int messageLayers) {
    requireNonNull(slots, "slots is null");
    this.hidden = hidden;
    this.messages = addChildBlock("messages", new MessageFunction(axis, slots, hidden, messageWidth, messageLayers));
    this.update = addChildBlock("update", new GatedNodeUpdate(axis, 2 * hidden, hidden));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray state = inputs.get(0);
    NDArray features = inputs.get(1);
    NDArray summed = messages.forward(parameterStore, new NDList(state), training).singletonOrThrow();
    NDArray input = NDArrays.concat(new NDList(features, summed), features.getShape().dimension() - 1);
    return update.forward(parameterStore, new NDList(input, state), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape state = new Shape(hidden);
    messages.initialize(manager, dataType, state);
    update.initialize(manager, dataType, new Shape(2L * hidden), state);
  }
}
