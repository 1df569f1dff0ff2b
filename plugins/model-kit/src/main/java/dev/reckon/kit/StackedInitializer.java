package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * The initial values of a stacked weight {@code (K, ...)}: slice k drawn from seed k's own stream
 * ({@link SeedAxis}), in Java rather than from the engine's one generator, so that a seed's slice
 * is the same in a group of any size and on any engine.
 */
public final class StackedInitializer implements Initializer {
  /** How one value is drawn from a stream. */
  @FunctionalInterface
  private interface Draw {
    double next(SplittableRandom stream);
  }

  private final SeedAxis axis;
  private final Draw draw;

  private StackedInitializer(SeedAxis axis, Draw draw) {
    this.axis = requireNonNull(axis, "axis is null");
    this.draw = draw;
  }

  /** Uniform in {@code +-1/sqrt(fanIn)}: PyTorch's default for a linear layer's weight and bias. */
  public static StackedInitializer fanInUniform(SeedAxis axis, long fanIn) {
    double bound = 1 / Math.sqrt(fanIn);
    return new StackedInitializer(axis, stream -> stream.nextDouble(-bound, bound));
  }

  /** Gaussian with mean 0 and standard deviation {@code sigma}. */
  public static StackedInitializer normal(SeedAxis axis, double sigma) {
    return new StackedInitializer(axis, stream -> sigma * gaussian(stream));
  }

  /** Every value {@code value} (a layer norm's scale 1, its shift 0): no stream is read. */
  public static StackedInitializer constant(SeedAxis axis, double value) {
    return new StackedInitializer(axis, stream -> value);
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    if (shape.dimension() == 0 || shape.get(0) != axis.size()) {
      throw new IllegalArgumentException("a stacked weight's first axis is the " + axis.size() + " seeds, not "
          + shape);
    }
    int perSeed = Math.toIntExact(shape.size() / axis.size());
    float[] values = new float[perSeed * axis.size()];
    for (int k = 0; k < axis.size(); k++) {
      SplittableRandom stream = axis.stream(k);
      for (int i = 0; i < perSeed; i++) {
        values[k * perSeed + i] = (float) draw.next(stream);
      }
    }
    NDArray array = manager.create(values, shape);
    return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
  }

  /** A standard normal value by Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
  private static double gaussian(SplittableRandom stream) {
    double u = 1 - stream.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * stream.nextDouble());
  }
}
