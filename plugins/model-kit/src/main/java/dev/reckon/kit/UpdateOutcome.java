package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;

/**
 * What most updates measure: a loss that is a scalar array, read from the engine only when the
 * loop logs it, the update's memory and its FLOPs. A model adds its own curves by overriding
 * {@link #logged} or {@link #evaluated}, e.g. in an anonymous subclass.
 */
public class UpdateOutcome implements TrainingLoop.Outcome {
  private final NDArray loss;
  private float[] losses;
  private final double memoryMegabytes;
  private final long flops;

  /**
   * @param loss the loss before the update's step, a float32 scalar, or one per seed {@code (K)},
   *     owned by the update's scope
   * @param memoryMegabytes the engine arrays the update held ({@link dev.reckon.api.UpdateMemory})
   * @param flops the update's floating-point operations
   */
  public UpdateOutcome(NDArray loss, double memoryMegabytes, long flops) {
    this.loss = requireNonNull(loss, "loss is null");
    this.memoryMegabytes = memoryMegabytes;
    this.flops = flops;
  }

  @Override
  public double loss(int member) {
    if (losses == null) {
      losses = loss.toFloatArray();
    }
    return losses[member];
  }

  @Override
  public double memoryMegabytes() {
    return memoryMegabytes;
  }

  @Override
  public long flops() {
    return flops;
  }
}
