package dev.reckon.plugins.retrieval;

import static dev.reckon.plugins.retrieval.RetrievalSettings.SEGMENT;
import static dev.reckon.plugins.retrieval.RetrievalSettings.WIDTH;

import ai.djl.ndarray.NDArray;
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
 * The non-contrastive network for K seeds at once: one transformer reads a query and a key as a
 * single sequence and gives their pair one score. Every query is paired with every key of its seed.
 *
 * <p>Inputs: query tokens {@code (K, B, Lq)} int and key tokens {@code (K, N, Lk)} int. Output:
 * scores {@code (K, B, N)}. The pairs are {@code (K, B*N, Lq+Lk)} rows, query first; learned
 * positions tell the query part from the key part, so no segment embedding is needed.
 *
 * <p>With segments ({@link SequenceEncoder}), query and key are each padded to whole segments, so
 * the key is a segment of its own. A segment's vector depends on its own tokens alone, so each
 * query's and each key's segment vectors are computed once, and the pair is read jointly in the
 * layers over segments: the same numbers as reading every (query, key) row, N times cheaper.
 */
final class CrossEncoder extends AbstractBlock {
  private final int width;
  private final int segment;
  private final SequenceEncoder encoder;
  private final StackedLinear score;

  CrossEncoder(SeedAxis axis, TokenLayout layout, Settings settings) {
    width = settings.get(WIDTH);
    segment = settings.get(SEGMENT);
    encoder = addChildBlock("encoder", new SequenceEncoder(axis, layout.embeddingRows(),
        padded(layout.queryLength()) + padded(layout.keyLength()), segment, settings));
    score = addChildBlock("score", HeLinear.of(axis, width, 1));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray queries = inputs.get(0);
    NDArray keys = inputs.get(1);
    long seeds = queries.getShape().get(0);
    long b = queries.getShape().get(1);
    long n = keys.getShape().get(1);
    NDArray pooled;
    if (segment > 0) {
      NDArray pairs = pairs(encoder.segmentVectors(store, queries, training),
          encoder.segmentVectors(store, keys, training)).reshape(seeds, b * n, -1, width);
      pooled = encoder.overSegments(store, pairs, training);
    } else {
      NDArray pairs = pairs(queries, keys).reshape(seeds, b * n, -1);
      pooled = encoder.forward(store, new NDList(pairs), training).head();
    }
    return new NDList(score.apply(store, pooled, training).reshape(seeds, b, n));
  }

  /**
   * Every query of a seed beside every key of it: {@code (K, B, Lq, ...)} and {@code (K, N, Lk,
   * ...)} {@code -> (K, B, N, Lq+Lk, ...)}.
   */
  private static NDArray pairs(NDArray queries, NDArray keys) {
    long b = queries.getShape().get(1);
    long n = keys.getShape().get(1);
    return queries.expandDims(2).repeat(2, n).concat(keys.expandDims(1).repeat(1, b), 3);
  }

  private int padded(int length) {
    return SequenceEncoder.paddedLength(length, segment);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), inputShapes[1].get(1))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape queries = inputShapes[0];
    Shape keys = inputShapes[1];
    Shape pairs = new Shape(queries.get(0), queries.get(1) * keys.get(1),
        padded(Math.toIntExact(queries.get(2))) + padded(Math.toIntExact(keys.get(2))));
    encoder.initialize(manager, dataType, pairs);
    score.initialize(manager, dataType, encoder.getOutputShapes(new Shape[] {pairs}));
  }
}
