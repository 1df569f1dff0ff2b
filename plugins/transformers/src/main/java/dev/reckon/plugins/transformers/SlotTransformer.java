package dev.reckon.plugins.transformers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.Embeddings;
import dev.reckon.kit.Settings;
import dev.reckon.plugins.transformer.EncoderLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An encoder-only transformer that answers in slots: a {@link SlotLayout} row of {@code (B, L)}
 * int tokens {@code ->} logits {@code (B, S, V+1)} over the vocabulary and end at each answer
 * slot, all slots at once (not autoregressive).
 *
 * <p>Token and learned position {@link Embeddings}, then {@code layers} untied {@link
 * EncoderLayer}s. Without recurrence ({@code steps} 0) a final layer norm and a linear read-out of
 * the slots follow: one logits array. With it, one weight-tied layer is applied T times and the
 * same norm and read-out read the slots after every application: T logits arrays, each of which
 * the training loss asks to be right, so that more applications at evaluation keep the answer.
 */
final class SlotTransformer extends AbstractBlock {
  private final SlotLayout layout;
  private final int steps;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final List<EncoderLayer> layers = new ArrayList<>();
  private final EncoderLayer tiedLayer;
  private final LayerNorm readoutNorm;
  private final Linear readout;

  SlotTransformer(SlotLayout layout, Settings settings) {
    this.layout = layout;
    this.steps = TransformerSettings.steps(settings);
    int width = settings.get(TransformerSettings.WIDTH);
    int heads = settings.get(TransformerSettings.HEADS);
    int ffnWidth = settings.get(TransformerSettings.FFN_WIDTH);
    tokenEmbedding = addParameter(Embeddings.tokenTable("tokenEmbedding", layout.embeddingRows(), width));
    positionEmbedding = addParameter(Embeddings.positionTable("positionEmbedding", layout.length(), width));
    for (int i = 0; i < settings.get(TransformerSettings.LAYERS); i++) {
      layers.add(addChildBlock("layer" + i, new EncoderLayer(width, heads, ffnWidth)));
    }
    tiedLayer = steps > 0 ? addChildBlock("tiedLayer", new EncoderLayer(width, heads, ffnWidth)) : null;
    readoutNorm = addChildBlock("readoutNorm", LayerNorm.builder().axis(2).build());
    readout = addChildBlock("readout", Linear.builder().setUnits(layout.classes()).build());
  }

  /** The layout the network was built for. */
  SlotLayout layout() {
    return layout;
  }

  /** Embeddings and the untied layers: {@code (B, L)} int tokens {@code -> (B, L, W)}, in the tokens' manager. */
  NDArray encode(ParameterStore store, NDArray tokens, boolean training) {
    NDArray x = Embeddings.lookup(store, tokenEmbedding, tokens, training)
        .add(store.getValue(positionEmbedding, tokens.getDevice(), training));
    for (EncoderLayer layer : layers) {
      x = layer.forward(store, new NDList(x), training).head();
    }
    return x;
  }

  /** One application of the weight-tied layer: {@code (B, L, W) -> (B, L, W)}. */
  NDArray applyTiedLayer(ParameterStore store, NDArray x, boolean training) {
    return tiedLayer.forward(store, new NDList(x), training).head();
  }

  /** The slots' logits: {@code (B, L, W) -> (B, S, V+1)}. */
  NDArray readOut(ParameterStore store, NDArray x, boolean training) {
    NDArray slots = x.get(new NDIndex(":, {}:", layout.firstSlot()));
    NDList normalised = readoutNorm.forward(store, new NDList(slots), training);
    return readout.forward(store, normalised, training).head();
  }

  /** The input token embeddings, {@code [token][W]} for tokens {@code 0..V-1}, copied out of the engine. */
  float[][] tokenEmbeddings() {
    NDArray table = tokenEmbedding.getArray();
    int width = Math.toIntExact(table.getShape().get(1));
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
    Shape logits = new Shape(inputShapes[0].get(0), layout.maxOutputLength(), layout.classes());
    Shape[] shapes = new Shape[Math.max(1, steps)];
    Arrays.fill(shapes, logits);
    return shapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    int width = Math.toIntExact(tokenEmbedding.getShape().get(1));
    Shape sequence = new Shape(batch, layout.length(), width);
    for (EncoderLayer layer : layers) {
      layer.initialize(manager, dataType, sequence);
    }
    if (tiedLayer != null) {
      tiedLayer.initialize(manager, dataType, sequence);
    }
    Shape slots = new Shape(batch, layout.maxOutputLength(), width);
    readoutNorm.initialize(manager, dataType, slots);
    readout.initialize(manager, dataType, slots);
  }
}
