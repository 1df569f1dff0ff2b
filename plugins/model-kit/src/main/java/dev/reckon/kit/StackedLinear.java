package dev.reckon.kit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A linear layer of K seeds at once: {@code (K, ..., in) -> (K, ..., out)}, slice k through seed
 * k's own weight {@code (in, out)} and bias, in one batched product. Weights and biases start
 * uniform in {@code +-1/sqrt(in)}, PyTorch's default, drawn from each seed's stream.
 */
public final class StackedLinear extends AbstractBlock {
  private final long in;
  private final long out;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * @param axis the seeds
   * @param in the input features
   * @param out the output features
   * @param withBias whether the layer adds a bias
   */
  public StackedLinear(SeedAxis axis, long in, long out, boolean withBias) {
    this.in = in;
    this.out = out;
    weight = addParameter(Parameter.builder()
        .setName("weight")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(axis.size(), in, out))
        .optInitializer(StackedInitializer.fanInUniform(axis, in))
        .build());
    bias = withBias
        ? addParameter(Parameter.builder()
            .setName("bias")
            .setType(Parameter.Type.BIAS)
            .optShape(new Shape(axis.size(), 1, out))
            .optInitializer(StackedInitializer.fanInUniform(axis, in))
            .build())
        : null;
  }

  /** {@code x (K, ..., in) -> (K, ..., out)}. */
  public NDArray apply(ParameterStore store, NDArray x, boolean training) {
    Shape shape = x.getShape();
    NDArray flat = x.reshape(shape.get(0), -1, in);
    NDArray y = flat.matMul(store.getValue(weight, x.getDevice(), training));
    if (bias != null) {
      y = y.add(store.getValue(bias, x.getDevice(), training));
    }
    return y.reshape(shape.slice(0, shape.dimension() - 1).add(out));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(store, inputs.head(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape x = inputShapes[0];
    return new Shape[] {x.slice(0, x.dimension() - 1).add(out)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}
}
