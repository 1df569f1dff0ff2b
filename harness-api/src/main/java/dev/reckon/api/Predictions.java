package dev.reckon.api;

import java.util.List;

/**
 * A model's outputs for a dataset at every iteration count it was run at. A recurrent model
 * reads out after each step, so one pass fills the whole test-time-compute curve.
 */
public interface Predictions {
  /**
   * The {@link #measurements()} name of the floating-point operations (2 per multiply-add) one
   * example took at an iteration count, by the model's documented formula: the compute
   * leaderboard's inference cost.
   */
  String INFERENCE_FLOPS = "inference_flops";

  /**
   * The iteration counts, strictly ascending and positive; a model without iterations reports
   * {@code [1]}.
   */
  int[] iterations();

  /**
   * What the model measured of itself while predicting, beside what the task scores: e.g. a
   * fixed-point solver's iterations used and final residual, one {@link Score} a metric and
   * iteration count. The runner writes them into the results with the task's scores; their names
   * may not be the task's metric names, and their values must be finite.
   */
  default List<Score> measurements() {
    return List.of();
  }
}
