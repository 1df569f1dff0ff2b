package dev.reckon.plugins.dtnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The deep thinking network of Schwarzschild et al. (2021) and, with recall, the DT-Net of Bansal et
 * al. (2022): fully convolutional, so one network reads grids of any size. The input {@code x} is
 * {@code (B, C, H, W)}, C the task's channels a cell, a string a grid of one row; the state has
 * the same sides and {@code width} channels. Every convolution is a {@link GridConvolution}.
 *
 * <ul>
 *   <li>projection: a {@link GridConvolution} {@code C -> width} and a ReLU: the first state;
 *   <li>one pass of the weight-tied recurrent block: with recall, a convolution {@code width + C ->
 *       width} of the state concatenated with {@code x} (the problem kept in view at every pass),
 *       followed by a ReLU on strings only, as in the authors' code; then {@value #RESIDUAL_BLOCKS}
 *       {@link ResidualBlock}s;
 *   <li>read-out head: three convolutions with ReLUs between, {@code width -> h1 -> h2 -> labels}
 *       ({@link #headWidths}): each cell's logits, {@code (B, labels, H, W)}.
 * </ul>
 *
 * The weights start as PyTorch's convolutions do ({@link GridConvolution}): the state passes
 * through the residual blocks hundreds of times without normalisation, and DJL's default
 * initialiser (He's, about 2.4 times wider) makes it grow at every pass.
 *
 * <p>The network holds K seeds at once ({@link SeedAxis}), each convolution one grouped
 * convolution of the seeds' kernels: every array's channels are the seeds' laid end to end, {@code
 * (B, K C, H, W)} for the input, {@code (B, K width, H, W)} for the state, {@code (B, K labels, H,
 * W)} for the logits, batch row b holding each seed's own example b; no operation mixes two seeds'
 * channels, so slice k computes what seed k's network alone would. A model of its own is K = 1.
 *
 * <p>Callers drive the recurrence: {@link #project}, {@link #pass} as often as wanted, {@link
 * #readOut} where an answer is wanted.
 */
final class DeepThinkingNetwork extends AbstractBlock {
  /** The residual blocks of one pass: both papers' networks have 2 (4 convolutions). */
  static final int RESIDUAL_BLOCKS = 2;

  private final int seeds;
  private final int dimensions;
  private final int width;
  private final int labels;
  private final GridConvolution projection;
  private final GridConvolution recall;
  private final List<ResidualBlock> blocks = new ArrayList<>();
  private final GridConvolution[] head = new GridConvolution[3];

  /**
   * @param axis the seeds, one slice of weights each
   * @param dimensions 1 for strings, 2 for grids
   * @param channels C, the task's values a cell
   * @param width the state's channels
   * @param labels the labels a cell may take: the head's output channels
   * @param recall whether each pass reads the input again
   */
  DeepThinkingNetwork(SeedAxis axis, int dimensions, int channels, int width, int labels, boolean recall) {
    this.seeds = axis.size();
    this.dimensions = dimensions;
    this.width = width;
    this.labels = labels;
    projection = addChildBlock("projection", new GridConvolution(axis, dimensions, channels, width));
    this.recall = recall
        ? addChildBlock("recall", new GridConvolution(axis, dimensions, width + channels, width))
        : null;
    for (int i = 1; i <= RESIDUAL_BLOCKS; i++) {
      blocks.add(addChildBlock("residual" + i, new ResidualBlock(axis, dimensions, width)));
    }
    int[] hidden = headWidths(dimensions, width);
    head[0] = addChildBlock("head1", new GridConvolution(axis, dimensions, width, hidden[0]));
    head[1] = addChildBlock("head2", new GridConvolution(axis, dimensions, hidden[0], hidden[1]));
    head[2] = addChildBlock("head3", new GridConvolution(axis, dimensions, hidden[1], labels));
  }

  /** The head's two hidden widths, as in the authors' code: width and width / 2 on strings, 32 and 8 on grids. */
  static int[] headWidths(int dimensions, int width) {
    return dimensions == 1 ? new int[] {width, Math.max(1, width / 2)} : new int[] {32, 8};
  }

  /** K, the seeds. */
  int seeds() {
    return seeds;
  }

  /** The first state: {@code x -> (B, K width, H, W)}. */
  NDArray project(ParameterStore store, NDArray x, boolean training) {
    return Activation.relu(projection.apply(store, training, x));
  }

  /**
   * One pass of the weight-tied recurrent block: {@code state (B, K width, H, W) -> (B, K width, H,
   * W)}; with recall, each seed's convolution reads its state's channels, then its input's.
   */
  NDArray pass(ParameterStore store, NDArray state, NDArray x, boolean training) {
    if (recall != null) {
      state = recall.apply(store, training, state, x);
      if (dimensions == 1) {
        state = Activation.relu(state);
      }
    }
    for (ResidualBlock block : blocks) {
      state = block.forward(store, new NDList(state), training).head();
    }
    return state;
  }

  /** {@code passes} passes from {@code state}, every seed's. */
  NDArray think(ParameterStore store, NDArray state, NDArray x, int passes, boolean training) {
    int[] each = new int[seeds];
    Arrays.fill(each, passes);
    return think(store, state, x, each, training);
  }

  /**
   * Seed k's state after {@code passes[k]} passes from its slice of {@code state}: the group runs
   * to the most, a seed that is done keeping its state (selected, not computed on: its values and,
   * through the selection, its gradients are those of its own passes alone).
   */
  NDArray think(ParameterStore store, NDArray state, NDArray x, int[] passes, boolean training) {
    int most = Arrays.stream(passes).max().orElse(0);
    for (int i = 1; i <= most; i++) {
      NDArray next = pass(store, state, x, training);
      int pass = i;
      state = Arrays.stream(passes).allMatch(count -> count >= pass) ? next
          : NDArrays.where(seedsWithPasses(state, passes, pass), next, state);
    }
    return state;
  }

  /**
   * A mask of {@code state}'s shape, in its manager: true on the channels of the seeds k with
   * {@code passes[k] >= pass} (broadcast by hand: the engine's selection does not broadcast).
   */
  NDArray seedsWithPasses(NDArray state, int[] passes, int pass) {
    boolean[] passing = new boolean[seeds * width];
    for (int k = 0; k < seeds; k++) {
      Arrays.fill(passing, k * width, (k + 1) * width, passes[k] >= pass);
    }
    return state.getManager().create(passing, new Shape(1, (long) seeds * width, 1, 1)).broadcast(state.getShape());
  }

  /** Each cell's logits: {@code state (B, K width, H, W) -> (B, K labels, H, W)}. */
  NDArray readOut(ParameterStore store, NDArray state, boolean training) {
    NDArray hidden = Activation.relu(head[0].apply(store, training, state));
    hidden = Activation.relu(head[1].apply(store, training, hidden));
    return head[2].apply(store, training, hidden);
  }

  /** Not used: the recurrence runs as many passes as its caller asks, through {@link #pass}. */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException("drive the network with project, pass and readOut");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {withChannels(inputShapes[0], labels)};
  }

  /** {@code inputShapes}: the input's, {@code (B, K C, H, W)}. */
  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape x = inputShapes[0];
    Shape state = withChannels(x, width);
    projection.initialize(manager, dataType, x);
    if (recall != null) {
      recall.initialize(manager, dataType, withChannels(x, width + x.get(1) / seeds));
    }
    for (ResidualBlock block : blocks) {
      block.initialize(manager, dataType, state);
    }
    int[] hidden = headWidths(dimensions, width);
    head[0].initialize(manager, dataType, state);
    head[1].initialize(manager, dataType, withChannels(x, hidden[0]));
    head[2].initialize(manager, dataType, withChannels(x, hidden[1]));
  }

  /** {@code shape} {@code (B, K C, ...)} with {@code channels} a seed in place of C. */
  private Shape withChannels(Shape shape, long channels) {
    return new Shape(shape.get(0), seeds * channels).addAll(shape.slice(2));
  }
}
