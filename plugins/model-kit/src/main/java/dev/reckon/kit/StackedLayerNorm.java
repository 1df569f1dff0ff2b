package dev.reckon.kit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the last axis of {@code (K, ..., W)}, then seed k's own scale and shift
 * {@code (W)} (starting at 1 and 0). The engine's fused norm runs without an affine part; the
 * seeds' scale and shift follow as one product and one sum over the stacked arrays.
 */
public final class StackedLayerNorm extends AbstractBlock {
  private static final float EPSILON = 1e-5f;

  private final long width;
  private final Parameter scale;
  private final Parameter shift;

  /** @param width W, the normalised axis's size */
  public StackedLayerNorm(SeedAxis axis, long width) {
    this.width = width;
    scale = addParameter(Parameter.builder()
        .setName("gamma")
        .setType(Parameter.Type.GAMMA)
        .optShape(new Shape(axis.size(), width))
        .optInitializer(StackedInitializer.constant(axis, 1))
        .build());
    shift = addParameter(Parameter.builder()
        .setName("beta")
        .setType(Parameter.Type.BETA)
        .optShape(new Shape(axis.size(), width))
        .optInitializer(StackedInitializer.constant(axis, 0))
        .build());
  }

  /** {@code x (K, ..., W) -> (K, ..., W)}. */
  public NDArray apply(ParameterStore store, NDArray x, boolean training) {
    NDManager manager = x.getManager();
    NDArray normalised = LayerNorm.layerNorm(x, new Shape(width), manager.ones(new Shape(width), x.getDataType()),
        manager.zeros(new Shape(width), x.getDataType()), EPSILON).head();
    // (K, 1, ..., 1, W): a seed's scale or shift against every position of x.
    Shape perSeed = SeedAxis.seedColumn(x.getShape().slice(0, x.getShape().dimension() - 1)).add(width);
    return normalised
        .mul(SeedAxis.inScopeOf(x, store.getValue(scale, x.getDevice(), training).reshape(perSeed)))
        .add(SeedAxis.inScopeOf(x, store.getValue(shift, x.getDevice(), training).reshape(perSeed)));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(store, inputs.head(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}
}
