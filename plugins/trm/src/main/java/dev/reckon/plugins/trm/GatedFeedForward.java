package dev.reckon.plugins.trm;

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
 * A gated feed-forward map (SwiGLU, the paper's) of K seeds: {@code down(silu(gate v) * up v)} along
 * the last axis, without biases, each seed through its own weights. Shape {@code (K, ..., width) ->
 * (K, ..., width)}; {@code gate} and {@code up} are one {@code width -> 2 inner} layer, {@code down}
 * is {@code inner -> width}.
 *
 * <p>SiLU is written out as {@code a * sigmoid(a)}: DJL's {@code swish(a, 1)} multiplies by a Java
 * number, which a garbage collection may free before the backward pass reads it (see docs/writing-a-plugin.md).
 */
final class GatedFeedForward extends AbstractBlock {
  private final int inner;
  private final StackedLinear gateAndUp;
  private final StackedLinear down;

  GatedFeedForward(SeedAxis axis, int width, int inner) {
    this.inner = inner;
    gateAndUp = addChildBlock("gateAndUp", new StackedLinear(axis, width, 2L * inner, false));
    down = addChildBlock("down", new StackedLinear(axis, inner, width, false));
  }

  /** {@code v (K, ..., width) -> (K, ..., width)}. */
  NDArray apply(ParameterStore store, NDArray v, boolean training) {
    NDArray projected = gateAndUp.apply(store, v, training);
    NDList halves = projected.split(2, projected.getShape().dimension() - 1);
    NDArray gate = halves.get(0);
    NDArray gated = gate.mul(Activation.sigmoid(gate)).mul(halves.get(1));
    return down.apply(store, gated, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(store, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape v = inputShapes[0];
    gateAndUp.initialize(manager, dataType, v);
    down.initialize(manager, dataType, v.slice(0, v.dimension() - 1).add(inner));
  }
}
