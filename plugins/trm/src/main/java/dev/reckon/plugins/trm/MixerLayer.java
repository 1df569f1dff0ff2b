package dev.reckon.plugins.trm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;

/**
 * One layer of the tiny network, an MLP-mixer's (the paper's variant without self-attention, its
 * best on Sudoku), of K seeds: a {@link GatedFeedForward} across the cells, each hidden channel
 * mixing the L cells, then one across the channels, each cell on its own; each added to its input
 * and RMS-normalised, without a gain (post-norm, as the paper). Shape {@code (K, B, L, H) -> (K, B,
 * L, H)}.
 *
 * <p>The map across the cells has a weight per pair of cells, so it is built for one number of
 * cells and needs no position encoding of its own; it is how the network learns which cells
 * constrain each other (it is never told the rows, columns and boxes).
 */
final class MixerLayer extends AbstractBlock {
  /** The RMS norm's guard against a zero vector, the paper's. */
  private static final float NORM_EPSILON = 1e-5f;

  private final GatedFeedForward acrossCells;
  private final GatedFeedForward acrossChannels;

  /**
   * @param axis the seeds
   * @param cells L, the cells of a puzzle
   * @param hidden H
   * @param expansion each map's inner width as a multiple of its width (L across the cells, H across the channels)
   */
  MixerLayer(SeedAxis axis, int cells, int hidden, int expansion) {
    acrossCells = addChildBlock("acrossCells", new GatedFeedForward(axis, cells, expansion * cells));
    acrossChannels = addChildBlock("acrossChannels", new GatedFeedForward(axis, hidden, expansion * hidden));
  }

  /** {@code h (K, B, L, H) -> (K, B, L, H)}. */
  NDArray apply(ParameterStore store, NDArray h, boolean training) {
    NDArray mixed = acrossCells.apply(store, h.transpose(0, 1, 3, 2), training);
    h = rmsNormalised(h.add(mixed.transpose(0, 1, 3, 2)));
    return rmsNormalised(h.add(acrossChannels.apply(store, h, training)));
  }

  /** {@code h} divided by the root mean square of its last axis (dividing by an array: see {@link GatedFeedForward}). */
  private static NDArray rmsNormalised(NDArray h) {
    return h.div(h.square().mean(new int[] {-1}, true).add(NORM_EPSILON).sqrt());
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
    Shape h = inputShapes[0];
    acrossCells.initialize(manager, dataType, new Shape(h.get(0), h.get(1), h.get(3), h.get(2)));
    acrossChannels.initialize(manager, dataType, h);
  }
}
