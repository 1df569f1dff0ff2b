package dev.reckon.graphnets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedLinear;

/**
 * A GRU cell applied to every node at once: {@code r = sigmoid(W_r u + U_r h)}, {@code z =
 * sigmoid(W_z u + U_z h)}, {@code c = tanh(W_c u + r * U_c h)}, {@code h' = (1 - z) c + z h}
 * (each with a bias), its weights stacked over K seeds ({@link SeedAxis}).
 *
 * <p>A GRU rather than an LSTM: its whole state is {@code h}, so a relational step is a plain map
 * {@code h' = f(h, x)} whose fixed point a deep-equilibrium model can solve for, and it needs three
 * gate blocks instead of four.
 *
 * <ul>
 *   <li>input: {@code u [K, batch, nodes, inputSize]}, {@code h [K, batch, nodes, hidden]}
 *   <li>output: {@code h' [K, batch, nodes, hidden]}
 *   <li>parameters: {@code W: inputSize -> 3 hidden}, {@code U: hidden -> 3 hidden}
 * </ul>
 */
public final class GatedNodeUpdate extends AbstractBlock {
  private final int inputSize;
  private final int hidden;
  private final StackedLinear fromInput;
  private final StackedLinear fromState;

  public GatedNodeUpdate(SeedAxis axis, int inputSize, int hidden) {
    this.inputSize = inputSize;
    this.hidden = hidden;
    this.fromInput = addChildBlock("fromInput", new StackedLinear(axis, inputSize, 3L * hidden, true));
    this.fromState = addChildBlock("fromState", new StackedLinear(axis, hidden, 3L * hidden, true));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray state = inputs.get(1);
    int gates = state.getShape().dimension() - 1;
    NDList input = fromInput.apply(parameterStore, inputs.get(0), training).split(3, gates);
    NDList recurrent = fromState.apply(parameterStore, state, training).split(3, gates);
    NDArray reset = Activation.sigmoid(input.get(0).add(recurrent.get(0)));
    NDArray keep = Activation.sigmoid(input.get(1).add(recurrent.get(1)));
    NDArray candidate = Activation.tanh(input.get(2).add(reset.mul(recurrent.get(2))));
    return new NDList(candidate.add(keep.mul(state.sub(candidate))));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[1]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    fromInput.initialize(manager, dataType, new Shape(inputSize));
    fromState.initialize(manager, dataType, new Shape(hidden));
  }
}
