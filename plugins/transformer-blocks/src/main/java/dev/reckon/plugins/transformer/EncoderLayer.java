package dev.reckon.plugins.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-norm transformer layer: {@code x + attention(norm(x))}, then {@code x +
 * feedForward(norm(x))}. Shape {@code (B, L, W) -> (B, L, W)}.
 *
 * <p>DJL's {@code TransformerEncoderBlock} is not used: it normalises with batch norm across the
 * batch (so a query's score would depend on the other queries of its batch, and evaluation would
 * run on running statistics) and adds its second residual to the layer input. The attention
 * itself is DJL's (four {@code W x W} projections with biases), without dropout: the tasks are
 * noise-free and short runs gain nothing from it.
 */
public final class EncoderLayer extends AbstractBlock {
  private final int feedForward;
  private final LayerNorm attentionNorm;
  private final ScaledDotProductAttentionBlock attention;
  private final LayerNorm feedForwardNorm;
  private final Linear expand;
  private final Linear contract;

  /**
   * @param width W, the hidden size
   * @param heads attention heads; they divide {@code width}
   * @param feedForward the feed-forward part's hidden size
   */
  public EncoderLayer(int width, int heads, int feedForward) {
    this.feedForward = feedForward;
    attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
    attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder()
        .setEmbeddingSize(width)
        .setHeadCount(heads)
        .optAttentionProbsDropoutProb(0)
        .build());
    feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    expand = addChildBlock("expand", Linear.builder().setUnits(feedForward).build());
    contract = addChildBlock("contract", Linear.builder().setUnits(width).build());
  }

  /** One layer's floating-point operations on one sequence: {@link StackedEncoderLayer#flops}, the same layer's. */
  public static long flops(long length, long width, long feedForward) {
    return StackedEncoderLayer.flops(length, width, feedForward);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDList normalised = attentionNorm.forward(store, new NDList(x), training);
    x = x.add(attention.forward(store, normalised, training).head());
    NDList hidden = expand.forward(store, feedForwardNorm.forward(store, new NDList(x), training), training);
    return new NDList(x.add(contract.forward(store, Activation.gelu(hidden), training).head()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape sequence = inputShapes[0];
    attentionNorm.initialize(manager, dataType, sequence);
    attention.initialize(manager, dataType, sequence);
    feedForwardNorm.initialize(manager, dataType, sequence);
    expand.initialize(manager, dataType, sequence);
    contract.initialize(manager, dataType, sequence.slice(0, 2).add(feedForward));
  }
}
