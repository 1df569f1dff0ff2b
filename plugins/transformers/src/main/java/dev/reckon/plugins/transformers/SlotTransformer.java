package dev.reckon.plugins.transformers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
import dev.reckon.kit.StackedLinear;
import dev.reckon.plugins.transformer.HeLinear;
import dev.reckon.plugins.transformer.StackedEncoderLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An encoder-only transformer that answers in slots, for K seeds at once ({@link SeedAxis}): a
 * {@link SlotLayout} row of {@code (K, B, L)} int tokens {@code ->} logits {@code (K, B, S, V+1)}
 * over the vocabulary and end at each answer slot, all slots at once (not autoregressive), seed
 * k's rows through seed k's weights alone.
 *
 * <p>Token and learned position {@link StackedEmbeddings}, then {@code layers} untied {@link
 * StackedEncoderLayer}s. Without recurrence ({@code steps} 0) a final layer norm and a linear
 * read-out of the slots follow: one logits array. With it, one weight-tied layer is applied T
 * times and the same norm and read-out read the slots after every application: T logits arrays,
 * each of which the training loss asks to be right, so that more applications at evaluation keep
 * the answer. The read-out starts as DJL's {@code Linear} did ({@link HeLinear}).
 */
final class SlotTransformer extends AbstractBlock {
  private final SlotLayout layout;
  private final int steps;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final List<StackedEncoderLayer> layers = new ArrayList<>();
  private final StackedEncoderLayer tiedLayer;
  private final StackedLayerNorm readoutNorm;
  private final StackedLinear readout;

  SlotTransformer(SeedAxis axis, SlotLayout layout, Settings settings) {
    this.layout = layout;
    this.steps = TransformerSettings.steps(settings);
    int width = settings.get(TransformerSettings.WIDTH);
    int heads = settings.get(TransformerSettings.HEADS);
    int ffnWidth = settings.get(TransformerSettings.FFN_WIDTH);
    tokenEmbedding = addParameter(
        StackedEmbeddings.tokenTable(axis, "tokenEmbedding", layout.embeddingRows(), width));
    positionEmbedding = addParameter(
        StackedEmbeddings.positionTable(axis, "positionEmbedding", layout.length(), width));
    for (int i = 0; i < settings.get(TransformerSettings.LAYERS); i++) {
      layers.add(addChildBlock("layer" + i, new StackedEncoderLayer(axis, width, heads, ffnWidth)));
    }
    tiedLayer = steps > 0
        ? addChildBlock("tiedLayer", new StackedEncoderLayer(axis, width, heads, ffnWidth))
        : null;
    readoutNorm = addChildBlock("readoutNorm", new StackedLayerNorm(axis, width));
    readout = addChildBlock("readout", HeLinear.of(axis, width, layout.classes()));
  }

  /** The layout the network was built for. */
  SlotLayout layout() {
    return layout;
  }

  /** Embeddings and the untied layers: {@code (K, B, L)} int tokens {@code -> (K, B, L, W)}, in the tokens' manager. */
  NDArray encode(ParameterStore store, NDArray tokens, boolean training) {
    NDArray x = StackedEmbeddings.addPositions(store, positionEmbedding,
        StackedEmbeddings.lookup(store, tokenEmbedding, tokens, training), training);
    for (StackedEncoderLayer layer : layers) {
      x = layer.apply(store, x, training);
    }
    return x;
  }

  /** One application of the weight-tied layer: {@code (K, B, L, W) -> (K, B, L, W)}. */
  NDArray applyTiedLayer(ParameterStore store, NDArray x, boolean training) {
    return tiedLayer.apply(store, x, training);
  }

  /** The slots' logits: {@code (K, B, L, W) -> (K, B, S, V+1)}. */
  NDArray readOut(ParameterStore store, NDArray x, boolean training) {
    NDArray slots = x.get(new NDIndex(":, :, {}:", layout.firstSlot()));
    return readout.apply(store, readoutNorm.apply(store, slots, training), training);
  }

  /**
   * The input token embeddings of a network of one seed, {@code [token][W]} for tokens {@code
   * 0..V-1}, copied out of the engine.
   */
  float[][] tokenEmbeddings() {
    NDArray table = tokenEmbedding.getArray();
    if (table.getShape().get(0) != 1) {
      throw new IllegalStateException("a network of " + table.getShape().get(0) + " seeds has no one token table");
    }
    int width = Math.toIntExact(table.getShape().get(2));
    // Seed 0's (V+3, W) table leads the array: its first V rows are the vocabulary's.
    float[] flat = table.toFloatArray();
    float[][] rows = new float[layout.vocabulary()][];
    for (int token = 0; token < rows.length; token++) {
      rows[token] = Arrays.copyOfRange(flat, token * width, (token + 1) * width);
    }
    return rows;
  }

  /** The logits after the stack, or after each of the T applications of the tied layer. */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = encode(store, inputs.head(), training);
    if (steps == 0) {
      return new NDList(readOut(store, x, training));
    }
    NDList logits = new NDList();
    for (int step = 0; step < steps; step++) {
      x = applyTiedLayer(store, x, training);
      logits.add(readOut(store, x, training));
    }
    return logits;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape tokens = inputShapes[0];
    Shape logits = new Shape(tokens.get(0), tokens.get(1), layout.maxOutputLength(), layout.classes());
    Shape[] shapes = new Shape[Math.max(1, steps)];
    Arrays.fill(shapes, logits);
    return shapes;
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
