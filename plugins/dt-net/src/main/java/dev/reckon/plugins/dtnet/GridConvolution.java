package dev.reckon.plugins.dtnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedInitializer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one convolution of a deep thinking network: 3 cells wide along each side of the grid (along
 * the row only for strings, a string being a grid of one row: the authors' 1-d convolution),
 * stride 1, padded by one cell of zeros so a grid keeps its size, without bias (as both papers'
 * networks).
 *
 * <p>It holds K seeds' kernels ({@link SeedAxis}) and convolves them in one grouped convolution:
 * the seeds lie along the channel axis, seed k's channels {@code k in .. (k + 1) in - 1} of the
 * input and {@code k out .. (k + 1) out - 1} of the output, so {@code (B, K in, H, W) -> (B, K out,
 * H, W)}, batch row b holding each seed's own example b. The weight is stacked {@code (K, out, in,
 * kh, kw)} and seed k's slice starts as a PyTorch convolution's, uniform in {@code +-1/sqrt(in kh
 * kw)}, drawn from the seed's own stream, so it is that seed's convolution alone. A model of its own
 * is K = 1.
 *
 * <p>It computes in the input's type, the weight cast to it (a float64 checkpoint's weights
 * predict in float32); the model trains and predicts in {@link #COMPUTE_TYPE}. A seed's input of
 * more than 16 channels and not a multiple of 16 is convolved with zero channels added after its
 * own up to the next multiple ({@link #convolvedChannels}), the weight given zero columns for them,
 * so every sum and gradient is the one the channels it has would give, and each seed's group of
 * the grouped convolution reads what its convolution alone would: see {@link #COMPUTE_TYPE} for why.
 */
final class GridConvolution extends AbstractBlock {
  /**
   * The type a network trains and predicts in: float32, on a CPU as on a GPU. On the project's
   * AMD EPYC machines with AVX-512 (PyTorch 2.5.1 through DJL 0.32, oneDNN 3.5.3 for float32
   * convolutions of batches above one) the engine's float32 convolution was recorded wrong
   * whenever its input had more than 16 channels and not a multiple of 16 (17, 19, 24, 33, 35:
   * errors of order 1, or NaN; 1 to 16, 32, 48 and 64 right), which is what the recall convolution
   * reads ({@code width + C}), and handing NaN weight gradients back through chains of convolutions
   * now and then (88 of 1000 backward passes through two 3 x 3 ones on batches of 4); so the
   * networks computed in float64, PyTorch's own kernels, at 2 to 4 times float32's time. oneDNN's
   * AVX-512 kernels hold channels in blocks of 16, the last block of such an input part padding;
   * an input whose channels fill whole blocks was right, hence {@link #convolvedChannels}.
   *
   * <p>Not measured where it matters: the machine this was written on is a Zen 3 EPYC, AVX2 only
   * (oneDNN's {@code jit:avx2} kernels, blocks of 8), where the raw float32 convolution was right,
   * forward and backward, at every input count from 1 to 64, batches of 1 to 32, 1 x 3 and 3 x 3,
   * on one thread and two, and no backward pass of 4000 through chains of 20 convolutions gave a
   * NaN. {@code ConvolutionFaultTest} checks this convolution against float64 at every count and
   * for NaN through a chain, and {@code DtNetModelTest} that predictions are what training logged:
   * run on an AVX-512 machine, they say whether the padding cures both faults there. On the Zen 3
   * machine a prefix-sums training update takes 0.53 to 0.61 of its float64 time; the padding adds
   * 7 to 9% to the recall convolution's float32 time on 8-bit strings, 25 to 37% on 9 x 9 grids
   * (DtNetUpdateBenchmark).
   */
  static final DataType COMPUTE_TYPE = DataType.FLOAT32;

  /** oneDNN's channel block on AVX-512: the recorded fault was at input counts that do not fill their last block. */
  private static final int CHANNEL_BLOCK = 16;

  private final int seeds;
  private final int out;
  private final Shape padding;
  /** The seeds' kernels as the grouped convolution reads them: {@code (K out, in, kh, kw)}. */
  private final Shape groupedKernel;
  /** The zero input channels the engine convolves after the real ones. */
  private final int addedChannels;
  private final Parameter weight;

  /**
   * @param axis the seeds, one kernel each
   * @param dimensions 1 for strings (a 1 x 3 kernel), 2 for grids (3 x 3)
   * @param in a seed's input channels
   * @param out a seed's output channels
   */
  GridConvolution(SeedAxis axis, int dimensions, int in, int out) {
    this.seeds = axis.size();
    this.out = out;
    int kernelRows = dimensions == 1 ? 1 : 3;
    this.padding = new Shape(kernelRows / 2, 1);
    this.groupedKernel = new Shape((long) seeds * out, in, kernelRows, 3);
    this.addedChannels = convolvedChannels(in) - in;
    weight = addParameter(Parameter.builder()
        .setName("weight")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(seeds, out, in, kernelRows, 3))
        .optInitializer(StackedInitializer.fanInUniform(axis, (long) in * kernelRows * 3))
        .build());
  }

  /** The input channels the engine convolves for {@code in}: beyond one block, up to whole blocks. */
  static int convolvedChannels(int in) {
    return in <= CHANNEL_BLOCK ? in : (in + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
  }

  /** The weights a kernel has for one input and one output channel: 3 on strings, 9 on grids. */
  static int kernelCells(int dimensions) {
    return dimensions == 1 ? 3 : 9;
  }

  /**
   * The convolution of the seeds' channels of {@code parts}, each {@code (B, K c_i, H, W)}: seed k
   * reads its own channels of every part in turn, {@code c_1 + c_2 + ... = in} (the recall
   * convolution's state and input, interleaved per seed in one copy, with the padding's zeros).
   */
  NDArray apply(ParameterStore store, boolean training, NDArray... parts) {
    NDArray x = parts.length == 1 && addedChannels == 0 ? parts[0] : perSeed(parts);
    NDArray kernel = SeedAxis.inScopeOf(x, store.getValue(weight, x.getDevice(), training)
        .reshape(groupedKernel));
    if (kernel.getDataType() != x.getDataType()) {
      kernel = kernel.toType(x.getDataType(), false);
    }
    if (addedChannels > 0) {
      // Zero columns after a kernel's last input channel of (K out, in, kh, kw): pad reads the last axis first.
      kernel = kernel.pad(new Shape(0, 0, 0, 0, 0, addedChannels), 0);
    }
    return Conv2d.conv2d(x, kernel, null, new Shape(1, 1), padding, new Shape(1, 1), seeds).head();
  }

  /** {@code parts}' channels, each seed's laid together and followed by its zero channels: {@code (B, K (in + added), H, W)}. */
  private NDArray perSeed(NDArray... parts) {
    Shape shape = parts[0].getShape();
    List<NDArray> grouped = new ArrayList<>();
    for (NDArray part : parts) {
      grouped.add(part.reshape(shape.get(0), seeds, -1, shape.get(2), shape.get(3)));
    }
    if (addedChannels > 0) {
      NDArray first = parts[0];
      grouped.add(first.getManager().zeros(new Shape(shape.get(0), seeds, addedChannels, shape.get(2), shape.get(3)),
          first.getDataType(), first.getDevice()));
    }
    return NDArrays.concat(new NDList(grouped), 2).reshape(shape.get(0), -1, shape.get(2), shape.get(3));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(store, training, inputs.head()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape x = inputShapes[0];
    return new Shape[] {new Shape(x.get(0), (long) seeds * out, x.get(2), x.get(3))};
  }
}
