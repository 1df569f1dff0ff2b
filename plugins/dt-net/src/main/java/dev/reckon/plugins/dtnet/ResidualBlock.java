package dev.reckon.plugins.dtnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ResNet's basic block without normalisation, as the deep thinking networks use it: {@code
 * relu(x + conv(relu(conv(x))))}, both convolutions {@link GridConvolution}s of the state's width.
 * Shape {@code (B, W, ...) -> (B, W, ...)}.
 */
final class ResidualBlock extends AbstractBlock {
  private final GridConvolution first;
  private final GridConvolution second;

  ResidualBlock(int dimensions, int width) {
    first = addChildBlock("first", new GridConvolution(dimensions, width, width));
    second = addChildBlock("second", new GridConvolution(dimensions, width, width));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDArray inner = Activation.relu(first.forward(store, new NDList(x), training).head());
    return new NDList(Activation.relu(x.add(second.forward(store, new NDList(inner), training).head())));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    first.initialize(manager, dataType, inputShapes[0]);
    second.initialize(manager, dataType, inputShapes[0]);
  }
}
