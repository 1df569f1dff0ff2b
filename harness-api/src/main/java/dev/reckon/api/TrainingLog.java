package dev.reckon.api;

/** Where a model reports its training, as it goes. */
public interface TrainingLog {
  /**
   * Records one point of the training curve, e.g. {@code ("loss", 0.42)} after {@code update}
   * optimiser updates. The points go into the run's {@code training.csv}.
   *
   * <p>The runner may stop the cell here: a NaN or infinite {@code loss}, or a cell past its time
   * limit, throws {@link CellStoppedException}. Let it propagate.
   */
  void record(int update, String metric, double value);

  /** Reports progress for the progress display: {@code done} of {@code total} updates. */
  default void progress(int done, int total) {}

  /** Thrown into a model to end its cell early, with the reason in the message. */
  final class CellStoppedException extends RuntimeException {
    public CellStoppedException(String reason) {
      super(reason);
    }
  }
}
