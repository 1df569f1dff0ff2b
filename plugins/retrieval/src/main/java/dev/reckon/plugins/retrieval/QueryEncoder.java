package dev.reckon.plugins.retrieval;

import static dev.reckon.plugins.retrieval.RetrievalSettings.SEGMENT;
import static dev.reckon.plugins.retrieval.RetrievalSettings.WIDTH;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;
import dev.reckon.kit.StackedLinear;
import dev.reckon.plugins.transformer.HeLinear;

/**
 * The contrastive model's query side: a {@link SequenceEncoder} and a linear map to the
 * representation dimension. {@code (K, B, Lq)} int query tokens {@code -> (K, B, d)}.
 */
final class QueryEncoder extends AbstractBlock {
  private final SequenceEncoder encoder;
  private final StackedLinear projection;

  QueryEncoder(SeedAxis axis, TokenLayout layout, Settings settings, int dimension) {
    encoder = addChildBlock("encoder", new SequenceEncoder(axis, layout.embeddingRows(), layout.queryLength(),
        settings.get(SEGMENT), settings));
    projection = addChildBlock("projection", HeLinear.of(axis, settings.get(WIDTH), dimension));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return projection.forward(store, encoder.forward(store, inputs, training), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return projection.getOutputShapes(encoder.getOutputShapes(inputShapes));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes);
    projection.initialize(manager, dataType, encoder.getOutputShapes(inputShapes));
  }
}
