package dev.reckon.plugins.trm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One layer of the tiny network, an MLP-mixer's (the paper's variant without self-attention, its
 * best on Sudoku): a {@link GatedFeedForward} across the cells, each hidden channel mixing the L
 * cells, then one across the channels, each cell on its own; each added to its input and
 * RMS-normalised, without a gain (post-norm, as the paper). Shape {@code (B, L, H) -> (B, L, H)}.
 *
 * <p>The map across the cells has a weight per pair of cells, so it is built for one number of
 * cells and needs no position encoding of its own; it is how the network learns which cells
 * constrain each other (it is never told the rows, columns and boxes).
 */
final class MixerLayer extends AbstractBlock {
  /** The RMS norm's guard against a zero vector, the paper's. */
  private static final float NORM_EPSILON = 1e-5f;

  private final int cells;
  private final int hidden;
  private final GatedFeedForward acrossCells;
  private final GatedFeedForward acrossChannels;

  /**
   * @param cells L, the cells of a puzzle
   * @param hidden H
   * @param expansion each map's inner width as a multiple of its width (L across the cells, H across the channels)
   */
  MixerLayer(int cells, int hidden, int expansion) {
    this.cells = cells;
    this.hidden = hidden;
    acrossCells = addChildBlock("acrossCells", new GatedFeedForward(cells, expansion * cells));
    acrossChannels = addChildBlock("acrossChannels", new GatedFeedForward(hidden, expansion * hidden));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray h = inputs.singletonOrThrow();
    NDArray mixed = acrossCells.forward(store, new NDList(h.transpose(0, 2, 1)), training).singletonOrThrow();
    h = rmsNormalised(h.add(mixed.transpose(0, 2, 1)));
    h = rmsNormalised(h.add(acrossChannels.forward(store, new NDList(h), training).singletonOrThrow()));
    return new NDList(h);
  }

  /** {@code h} divided by the root mean square of its last axis (dividing by an array: see {@link GatedFeedForward}). */
  private static NDArray rmsNormalised(NDArray h) {
    return h.div(h.square().mean(new int[] {2}, true).add(NORM_EPSILON).sqrt());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    acrossCells.initialize(manager, dataType, new Shape(1, hidden, cells));
    acrossChannels.initialize(manager, dataType, new Shape(1, cells, hidden));
  }
}
