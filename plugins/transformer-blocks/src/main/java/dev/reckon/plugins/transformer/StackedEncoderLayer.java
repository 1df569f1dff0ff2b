package dev.reckon.plugins.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedLayerNorm;
import dev.reckon.kit.StackedLinear;

/**
 * One pre-norm transformer layer for K seeds at once ({@link SeedAxis}): {@code x +
 * attention(norm(x))}, then {@code x + feedForward(norm(x))}, {@code (K, B, L, W) -> (K, B, L, W)},
 * seed k's slice through seed k's weights alone.
 *
 * <p>DJL's {@code TransformerEncoderBlock} is not used: it normalises with batch norm across the
 * batch (so a query's score would depend on the other queries of its batch, and evaluation would
 * run on running statistics) and adds its second residual to the layer input.
 *
 * <p>The query, key and value projections are one stacked {@code W -> 3W} product (the same
 * weights as three {@code W x W} ones with biases, in one engine call); the heads are then folded
 * with the seeds and the batch into one batch axis, so the scores and weighted sums of every seed
 * and head are one batched product each. Attention is scaled dot-product with {@code 1/sqrt(W/H)},
 * without dropout (the tasks are noise-free and short runs gain nothing from it); the feed-forward
 * pair has a GELU between. The linear maps start as DJL's ({@link HeLinear}), the norms at scale 1
 * and shift 0.
 */
public final class StackedEncoderLayer extends AbstractBlock {
  private final int heads;
  private final StackedLayerNorm attentionNorm;
  private final StackedLinear queryKeyValue;
  private final StackedLinear attentionOutput;
  private final StackedLayerNorm feedForwardNorm;
  private final StackedLinear expand;
  private final StackedLinear contract;

  /**
   * @param axis the seeds
   * @param width W, the hidden size
   * @param heads attention heads; they divide {@code width}
   * @param feedForward the feed-forward part's hidden size
   */
  public StackedEncoderLayer(SeedAxis axis, int width, int heads, int feedForward) {
    if (width % heads != 0) {
      throw new IllegalArgumentException(heads + " heads do not divide the width " + width);
    }
    this.heads = heads;
    attentionNorm = addChildBlock("attentionNorm", new StackedLayerNorm(axis, width));
    queryKeyValue = addChildBlock("queryKeyValue", HeLinear.of(axis, width, 3L * width));
    attentionOutput = addChildBlock("attentionOutput", HeLinear.of(axis, width, width));
    feedForwardNorm = addChildBlock("feedForwardNorm", new StackedLayerNorm(axis, width));
    expand = addChildBlock("expand", HeLinear.of(axis, width, feedForward));
    contract = addChildBlock("contract", HeLinear.of(axis, feedForward, width));
  }

  /**
   * The floating-point operations of one layer on one sequence of {@code length} positions for one
   * seed, 2 per multiply-add, for the compute leaderboard:
   *
   * <pre>
   *   8 L W^2      the query, key, value and output projections (4 L W^2 multiply-adds)
   * + 4 L^2 W      attention scores q.k and the weighted sums of values (L^2 W each, over all heads)
   * + 4 L W F      the feed-forward pair (2 L W F)
   * </pre>
   *
   * Left out, as O(L W) or less against the O(L W^2) above: the layer norms, softmax, GELU,
   * biases, residual additions and the score scaling.
   */
  public static long flops(long length, long width, long feedForward) {
    return 8 * length * width * width + 4 * length * length * width + 4 * length * width * feedForward;
  }

  /** {@code x (K, B, L, W) -> (K, B, L, W)}. */
  public NDArray apply(ParameterStore store, NDArray x, boolean training) {
    x = x.add(attention(store, attentionNorm.apply(store, x, training), training));
    NDArray hidden = Activation.gelu(expand.apply(store, feedForwardNorm.apply(store, x, training), training));
    return x.add(contract.apply(store, hidden, training));
  }

  /** Multi-head self-attention over {@code x (K, B, L, W)}. */
  private NDArray attention(ParameterStore store, NDArray x, boolean training) {
    Shape shape = x.getShape();
    long length = shape.get(shape.dimension() - 2);
    long headWidth = shape.tail() / heads;
    // (K B, L, 3, H, W/H) -> (3, K B H, L, W/H): the seeds, the batch and the heads are one batch axis.
    NDList projected = queryKeyValue.apply(store, x, training)
        .reshape(-1, length, 3, heads, headWidth)
        .transpose(2, 0, 3, 1, 4)
        .reshape(3, -1, length, headWidth)
        .split(3, 0);
    NDArray query = projected.get(0);
    NDArray key = projected.get(1);
    NDArray value = projected.get(2);
    // An engine scalar, not mul(number): autograd keeps it for the backward pass.
    NDArray scale = x.getManager().create((float) (1 / Math.sqrt(headWidth)));
    NDArray weights = query.matMul(key.transpose(0, 1, 3, 2)).mul(scale).softmax(-1);
    NDArray attended = weights.matMul(value)
        .reshape(-1, heads, length, headWidth)
        .transpose(0, 2, 1, 3)
        .reshape(shape);
    return attentionOutput.apply(store, attended, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(store, inputs.head(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
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
