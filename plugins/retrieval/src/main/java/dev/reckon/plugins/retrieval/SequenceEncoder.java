package dev.reckon.plugins.retrieval;

import static dev.reckon.plugins.retrieval.RetrievalSettings.FEED_FORWARD;
import static dev.reckon.plugins.retrieval.RetrievalSettings.HEADS;
import static dev.reckon.plugins.retrieval.RetrievalSettings.LAYERS;
import static dev.reckon.plugins.retrieval.RetrievalSettings.SEGMENT_LAYERS;
import static dev.reckon.plugins.retrieval.RetrievalSettings.WIDTH;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;
import dev.reckon.kit.StackedEmbeddings;
import dev.reckon.kit.StackedLayerNorm;
import dev.reckon.plugins.transformer.StackedEncoderLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A transformer over fixed-length token rows, sum-pooled, for K seeds at once ({@link SeedAxis}):
 * {@code (K, B, L)} int token ids {@code -> (K, B, W)}, seed k's rows through seed k's weights.
 *
 * <p>Sum, not mean: a shatter query spreads its answer over every position, one card each, and a
 * mean shrinks each card's share by the length. Scores then have to grow weights L times larger
 * through Adam's bounded steps; on the 27-card shatter game, mean pooling left the d=27 model at
 * KL 0.44 where sum pooling reached 0.19 in the same 1000 updates.
 *
 * <p>Token and learned position {@link StackedEmbeddings}, then {@code layers} {@link
 * StackedEncoderLayer}s and a final layer norm.
 *
 * <p>With segments of S tokens ({@code segment > 0}) the encoder is hierarchical: the row is cut
 * into consecutive segments of S tokens (the last padded with the pad token), {@code
 * segmentLayers} layers attend within each segment only (positions count within the segment, so
 * every segment shares them), each segment is normalised and mean-pooled to one vector, and the
 * {@code layers} layers run over the segment vectors (with positions of their own). A query of m
 * SET pairs, each pair and its operator 8 tokens, is then m segments of 8: each pair is read on
 * its own, as in the one-pair games, and the pairs then meet.
 */
final class SequenceEncoder extends AbstractBlock {
  private final int width;
  private final int segment;
  private final int padToken;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final Parameter segmentPositionEmbedding;
  private final List<StackedEncoderLayer> segmentLayers = new ArrayList<>();
  private final StackedLayerNorm segmentNorm;
  private final List<StackedEncoderLayer> layers = new ArrayList<>();
  private final StackedLayerNorm finalNorm;

  /**
   * @param axis the seeds
   * @param tokens rows of the token embedding table; the last is the pad token
   * @param length L, the length of every input row
   * @param segment S, the tokens of a segment; 0 for none
   * @param settings width, layers, heads, feed-forward size and segment layers
   */
  SequenceEncoder(SeedAxis axis, int tokens, int length, int segment, Settings settings) {
    width = settings.get(WIDTH);
    this.segment = segment;
    padToken = tokens - 1;
    tokenEmbedding = addParameter(StackedEmbeddings.tokenTable(axis, "tokenEmbedding", tokens, width));
    positionEmbedding = addParameter(
        StackedEmbeddings.positionTable(axis, "positionEmbedding", segment == 0 ? length : segment, width));
    if (segment == 0) {
      segmentPositionEmbedding = null;
      segmentNorm = null;
    } else {
      segmentPositionEmbedding = addParameter(StackedEmbeddings.positionTable(axis, "segmentPositionEmbedding",
          segments(length, segment), width));
      for (int i = 0; i < settings.get(SEGMENT_LAYERS); i++) {
        segmentLayers.add(addChildBlock("segmentLayer" + i, layer(axis, settings)));
      }
      segmentNorm = addChildBlock("segmentNorm", new StackedLayerNorm(axis, width));
    }
    for (int i = 0; i < settings.get(LAYERS); i++) {
      layers.add(addChildBlock("layer" + i, layer(axis, settings)));
    }
    finalNorm = addChildBlock("finalNorm", new StackedLayerNorm(axis, width));
  }

  private static StackedEncoderLayer layer(SeedAxis axis, Settings settings) {
    return new StackedEncoderLayer(axis, settings.get(WIDTH), settings.get(HEADS), settings.get(FEED_FORWARD));
  }

  /** The segments of a row of {@code length} tokens, the last one padded. */
  static int segments(int length, int segment) {
    return (length + segment - 1) / segment;
  }

  /** {@code length} rounded up to whole segments; unchanged without segments ({@code segment} 0). */
  static int paddedLength(int length, int segment) {
    return segment == 0 ? length : segments(length, segment) * segment;
  }

  /** {@code (K, B, L)} tokens padded at the end with {@code padToken} to a whole number of segments. */
  private static NDArray pad(NDArray tokens, int segment, int padToken) {
    Shape shape = tokens.getShape();
    int length = Math.toIntExact(shape.get(2));
    int missing = paddedLength(length, segment) - length;
    if (missing == 0) {
      return tokens;
    }
    NDArray pads = tokens.getManager()
        .full(new Shape(shape.get(0), shape.get(1), missing), padToken, tokens.getDataType());
    return tokens.concat(pads, 2);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    if (segment > 0) {
      return new NDList(overSegments(store, segmentVectors(store, inputs.head(), training), training));
    }
    NDArray tokens = inputs.head();
    NDArray x = StackedEmbeddings.lookup(store, tokenEmbedding, tokens, training);
    return new NDList(pooled(store, StackedEmbeddings.addPositions(store, positionEmbedding, x, training), training));
  }

  /**
   * With segments, the first half: {@code (K, R, L)} tokens {@code -> (K, R, n, W)}, one vector per
   * segment, each computed from its own segment's tokens alone.
   */
  NDArray segmentVectors(ParameterStore store, NDArray tokens, boolean training) {
    tokens = pad(tokens, segment, padToken);
    long seeds = tokens.getShape().get(0);
    long rows = tokens.getShape().get(1);
    long count = tokens.getShape().get(2) / segment;
    NDArray x = StackedEmbeddings.lookup(store, tokenEmbedding, tokens, training)
        .reshape(seeds, rows * count, segment, width);
    x = StackedEmbeddings.addPositions(store, positionEmbedding, x, training);
    for (StackedEncoderLayer layer : segmentLayers) {
      x = layer.apply(store, x, training);
    }
    return segmentNorm.apply(store, x, training).mean(new int[] {2}).reshape(seeds, rows, count, width);
  }

  /** With segments, the second half: {@code (K, R, n, W)} segment vectors {@code -> (K, R, W)}. */
  NDArray overSegments(ParameterStore store, NDArray segments, boolean training) {
    return pooled(store, StackedEmbeddings.addPositions(store, segmentPositionEmbedding, segments, training),
        training);
  }

  /** The layers over {@code (K, R, n, W)}, the final norm and the sum over positions. */
  private NDArray pooled(ParameterStore store, NDArray x, boolean training) {
    for (StackedEncoderLayer layer : layers) {
      x = layer.apply(store, x, training);
    }
    return finalNorm.apply(store, x, training).sum(new int[] {2});
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape tokens = inputShapes[0];
    return new Shape[] {new Shape(tokens.get(0), tokens.get(1), width)};
  }

  /**
   * The stacked blocks' weights have their shapes from the start; the order matters, each seed's
   * stream being drawn in it.
   */
  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block child : children.values()) {
      child.initialize(manager, dataType, inputShapes);
    }
  }
}
