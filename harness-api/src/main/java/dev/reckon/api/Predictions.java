package dev.reckon.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

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

  /**
   * The {@link #INFERENCE_FLOPS} measurements of {@code examples} predicted at each of {@code
   * iterations}, one example costing {@code perExample} at an iteration count: a computed value,
   * the same for every example, so its interval is the value itself.
   */
  static List<Score> inferenceFlops(int[] iterations, IntToDoubleFunction perExample, int examples) {
    List<Score> measurements = new ArrayList<>();
    for (int count : iterations) {
      double flops = perExample.applyAsDouble(count);
      measurements.add(new Score(INFERENCE_FLOPS, count, flops, examples, flops, flops));
    }
    return measurements;
  }
}
