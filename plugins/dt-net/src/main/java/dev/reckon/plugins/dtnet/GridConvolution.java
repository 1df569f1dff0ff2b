package dev.reckon.plugins.dtnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * The one convolution of a deep thinking network: 3 cells wide along each side of the grid (along
 * the row only for strings, a string being a grid of one row: the authors' 1-d convolution),
 * stride 1, padded by one cell of zeros so a grid keeps its size, without bias (as both papers'
 * networks). Shape {@code (B, in, H, W) -> (B, out, H, W)}; the weight {@code (out, in, kh, kw)}
 * starts as a PyTorch convolution's, uniform in {@code +-1/sqrt(in kh kw)}.
 *
 * <p>It computes in the input's type, the weight cast to it (a float64 checkpoint's weights
 * predict in float32); the model trains and predicts in {@link #COMPUTE_TYPE}. An input of more
 * than 16 channels and not a multiple of 16 is convolved with zero channels added up to the next
 * multiple ({@link #convolvedChannels}), the weight given zero columns for them, so every sum and
 * gradient is the one the channels it has would give: see {@link #COMPUTE_TYPE} for why.
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

  private final int out;
  private final Shape padding;
  /** The zero input channels the engine convolves after the real ones. */
  private final int addedChannels;
  private final Parameter weight;

  /**
   * @param dimensions 1 for strings (a 1 x 3 kernel), 2 for grids (3 x 3)
   * @param in the input channels
   * @param out the output channels
   */
  GridConvolution(int dimensions, int in, int out) {
    this.out = out;
    int kernelRows = dimensions == 1 ? 1 : 3;
    this.padding = new Shape(kernelRows / 2, 1);
    this.addedChannels = convolvedChannels(in) - in;
    weight = addParameter(Parameter.builder()
        .setName("weight")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(out, in, kernelRows, 3))
        .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1))
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

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDArray kernel = store.getValue(weight, x.getDevice(), training);
    // Copies of the weight are made in its long-lived manager: the input's scope frees them.
    if (kernel.getDataType() != x.getDataType()) {
      kernel = kernel.toType(x.getDataType(), false);
      kernel.attach(x.getManager());
    }
    if (addedChannels > 0) {
      // Zeros after the last channel of (B, C, H, W) and of (out, C, kh, kw): pad reads the last axis first.
      Shape zeros = new Shape(0, 0, 0, 0, 0, addedChannels);
      x = x.pad(zeros, 0);
      kernel = kernel.pad(zeros, 0);
      kernel.attach(x.getManager());
    }
    return Conv2d.conv2d(x, kernel, null, new Shape(1, 1), padding);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape x = inputShapes[0];
    return new Shape[] {new Shape(x.get(0), out, x.get(2), x.get(3))};
  }
}
