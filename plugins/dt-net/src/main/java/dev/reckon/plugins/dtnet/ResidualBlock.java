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
import dev.reckon.kit.SeedAxis;

/**
 * ResNet's basic block without normalisation, as the deep thinking networks use it: {@code
 * relu(x + conv(relu(conv(x))))}, both convolutions {@link GridConvolution}s of the state's width.
 * Shape {@code (B, K W, ...) -> (B, K W, ...)}, K seeds' states along the channels: the ReLUs and
 * the sum do not mix channels, so each seed's state stays its own.
 */
final class ResidualBlock extends AbstractBlock {
  private final GridConvolution first;
  private final GridConvolution second;

  ResidualBlock(SeedAxis axis, int dimensions, int width) {
    first = addChildBlock("first", new GridConvolution(axis, dimensions, width, width));
    second = addChildBlock("second", new GridConvolution(axis, dimensions, width, width));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDArray inner = Activation.relu(first.apply(store, training, x));
    return new NDList(Activation.relu(x.add(second.apply(store, training, inner))));
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
