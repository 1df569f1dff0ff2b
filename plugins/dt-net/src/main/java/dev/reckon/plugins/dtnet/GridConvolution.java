package dev.reckon.plugins.dtnet;

import ai.djl.Device;
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
 * <p>It computes in the input's type, the weight cast to it; the model trains and predicts in
 * {@link #computeType}.
 */
final class GridConvolution extends AbstractBlock {
  /**
   * The type a network trains and predicts in on {@code device}: float64 on a CPU, float32 on a GPU.
   * On this project's CPU machines (PyTorch 2.5.1 through DJL 0.32, AMD EPYC with AVX-512) the
   * engine's float32 convolution, which runs on oneDNN for batches above one, handed NaN gradients
   * back through a chain of convolutions now and then (measured: the first of two 3 x 3 convolutions
   * got a NaN weight gradient in 88 of 1000 backward passes on batches of 4, a chain of 1 x 3 ones in
   * nearly all; DJL's Conv1d the same), so a network of twenty could not train. Its forward pass is
   * wrong too whenever the input has more than 16 channels and not a multiple of 16 (17, 19, 24, 33,
   * 35: errors of order 1, or NaN, against the float64 sums, 1 x 3 and 3 x 3 kernels alike; 1 to 16,
   * 32, 48 and 64 channels were right), which is what the recall convolution reads ({@code width +
   * C}): predicting in float32 scrambled the recall variants' answers while their training curves
   * looked fine. Its float64 convolution runs PyTorch's own kernels: 0 NaN in 1500 such passes and
   * right at every channel count, at 2 to 4 times float32's time (DtNetUpdateBenchmark). A GPU
   * convolves through cuDNN, not oneDNN, and runs float64 at a small fraction of its float32 rate,
   * so there the networks keep float32 (untested here: no GPU).
   */
  static DataType computeType(Device device) {
    return device.isGpu() ? DataType.FLOAT32 : DataType.FLOAT64;
  }

  private final int out;
  private final Shape padding;
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
    weight = addParameter(Parameter.builder()
        .setName("weight")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(out, in, kernelRows, 3))
        .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1))
        .build());
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
    if (kernel.getDataType() != x.getDataType()) {
      // A cast copy, made in the weight's long-lived manager: the input's scope frees it.
      kernel = kernel.toType(x.getDataType(), false);
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
