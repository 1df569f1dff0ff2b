package dev.reckon.api;

/**
 * Where a model reports its training, as it goes. Report the curves the leaderboards read under
 * these names: {@link #LOSS}, {@link #UPDATE_MEMORY}, and each task metric on the training batches
 * as {@link #trainingMetric}.
 */
public interface TrainingLog {
  /** The training loss, in nats; the collapse detection watches every curve named {@code ...loss}. */
  String LOSS = "loss";

  /** Megabytes of engine arrays a training update holds (the efficiency leaderboard's memory). */
  String UPDATE_MEMORY = "update_memory_mb";

  /**
   * Training floating-point operations so far, cumulative (forward and backward, 2 per
   * multiply-add, by the model's documented formula). The runner evaluates the model at the suite's
   * compute budgets (the compute leaderboard): when a point of this curve reaches one, it calls
   * {@link Model#predict} on the model from within {@link #record} before returning. So record it
   * after an update's step, where predicting is safe (outside any gradient scope).
   */
  String TRAINING_FLOPS = "training_flops";

  /** Put before a task metric's name for its value on the training batches. */
  String TRAINING_PREFIX = "train_";

  /** The curve of task metric {@code metric} on the training batches, e.g. {@code train_puzzle_accuracy}. */
  static String trainingMetric(String metric) {
    return TRAINING_PREFIX + metric;
  }

  /**
   * The share of a training batch's examples answered exactly, for a model that does not name the
   * task's own exact-answer metric (e.g. a graph network on mazes or strings); the efficiency
   * leaderboard reads it where {@code train_<primary>} is missing.
   */
  String EXAMPLE_ACCURACY = trainingMetric("example_accuracy");

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
