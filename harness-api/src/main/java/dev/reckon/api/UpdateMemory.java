package dev.reckon.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The memory of a training update, for the {@link TrainingLog#UPDATE_MEMORY} curve that the
 * efficiency leaderboard reads, for a model that computes with DJL (which the runner provides):
 * open each update's arrays in a manager of their own and, at the loss, record
 * {@code log.record(update, TrainingLog.UPDATE_MEMORY, UpdateMemory.megabytes(updateManager))}.
 */
public final class UpdateMemory {
  private UpdateMemory() {}

  /**
   * Megabytes of the engine arrays alive in {@code scope} and its sub-managers: at the loss, what
   * the update keeps for its backward pass.
   */
  public static double megabytes(NDManager scope) {
    long bytes = 0;
    for (NDArray array : scope.getManagedArrays()) {
      bytes += array.size() * array.getDataType().getNumOfBytes();
    }
    return bytes / 1e6;
  }
}
