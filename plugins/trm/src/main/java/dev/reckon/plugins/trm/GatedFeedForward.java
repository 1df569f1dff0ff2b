package dev.reckon.plugins.trm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.LinearLayers;

/**
 * A gated feed-forward map (SwiGLU, the paper's): {@code down(silu(gate v) * up v)} along the last
 * axis, without biases. Shape {@code (..., width) -> (..., width)}; {@code gate} and {@code up} are
 * one {@code width -> 2 inner} layer, {@code down} is {@code inner -> width}.
 *
 * <p>SiLU is written out as {@code a * sigmoid(a)}: DJL's {@code swish(a, 1)} multiplies by a Java
 * number, which a garbage collection may free before the backward pass reads it (see the README).
 */
final class GatedFeedForward extends AbstractBlock {
  private final int width;
  private final int inner;
  private final Linear gateAndUp;
  private final Linear down;

  GatedFeedForward(int width, int inner) {
    this.width = width;
    this.inner = inner;
    gateAndUp = addChildBlock("gateAndUp", LinearLayers.of(2L * inner, false));
    down = addChildBlock("down", LinearLayers.of(width, false));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray projected = gateAndUp.forward(store, inputs, training).singletonOrThrow();
    NDList halves = projected.split(2, projected.getShape().dimension() - 1);
    NDArray gate = halves.get(0);
    NDArray gated = gate.mul(Activation.sigmoid(gate)).mul(halves.get(1));
    return down.forward(store, new NDList(gated), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    gateAndUp.initialize(manager, dataType, new Shape(width));
    down.initialize(manager, dataType, new Shape(inner));
  }
}
