package dev.reckon.plugins.retrieval;

import static dev.reckon.plugins.retrieval.RetrievalSettings.SEGMENT;
import static dev.reckon.plugins.retrieval.RetrievalSettings.WIDTH;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.Settings;

/**
 * The non-contrastive network: one transformer reads a query and a key as a single sequence and
 * gives their pair one score. Every query is paired with every key.
 *
 * <p>Inputs: query tokens {@code (B, Lq)} int and key tokens {@code (K, Lk)} int. Output: scores
 * {@code (B, K)}. The pairs are {@code (B*K, Lq+Lk)} rows, query first; learned positions tell
 * the query part from the key part, so no segment embedding is needed.
 *
 * <p>With segments ({@link SequenceEncoder}), query and key are each padded to whole segments, so
 * the key is a segment of its own. A segment's vector depends on its own tokens alone, so each
 * query's and each key's segment vectors are computed once, and the pair is read jointly in the
 * layers over segments: the same numbers as reading every (query, key) row, K times cheaper.
 */
final class CrossEncoder extends AbstractBlock {
  private final int width;
  private final int segment;
  private final SequenceEncoder encoder;
  private final Linear score;

  CrossEncoder(TokenLayout layout, Settings settings) {
    width = settings.get(WIDTH);
    segment = settings.get(SEGMENT);
    encoder = addChildBlock("encoder", new SequenceEncoder(layout.embeddingRows(),
        padded(layout.queryLength()) + padded(layout.keyLength()), segment, settings));
    score = addChildBlock("score", Linear.builder().setUnits(1).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray queries = inputs.get(0);
    NDArray keys = inputs.get(1);
    long b = queries.getShape().get(0);
    long k = keys.getShape().get(0);
    NDArray pooled;
    if (segment > 0) {
      NDArray querySegments = encoder.segmentVectors(store, queries, training);
      NDArray keySegments = encoder.segmentVectors(store, keys, training);
      NDArray pairs = querySegments.expandDims(1).repeat(1, k)
          .concat(keySegments.expandDims(0).repeat(0, b), 2)
          .reshape(b * k, -1, width);
      pooled = encoder.overSegments(store, pairs, training);
    } else {
      NDArray pairs = queries.expandDims(1).repeat(1, k)
          .concat(keys.expandDims(0).repeat(0, b), 2)
          .reshape(b * k, -1);
      pooled = encoder.forward(store, new NDList(pairs), training).head();
    }
    return new NDList(score.forward(store, new NDList(pooled), training).head().reshape(b, k));
  }

  private int padded(int length) {
    return SequenceEncoder.paddedLength(length, segment);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[1].get(0))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape queries = inputShapes[0];
    Shape keys = inputShapes[1];
    Shape pairs = new Shape(queries.get(0) * keys.get(0),
        padded(Math.toIntExact(queries.get(1))) + padded(Math.toIntExact(keys.get(1))));
    encoder.initialize(manager, dataType, pairs);
    score.initialize(manager, dataType, new Shape(pairs.get(0), width));
  }
}
