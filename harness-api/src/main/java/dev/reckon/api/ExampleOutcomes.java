package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;

/**
 * Which examples a proportion metric counted at one iteration count: the examples behind a {@link
 * Score#proportion} over examples, so that two models scored on the same examples can be compared
 * example by example (a paired test) rather than by their two intervals. Example {@code i} is the
 * {@code i}th of the dataset scored; its bit is set when the metric counts it (solved, for an
 * accuracy; violated, for a violation rate), so {@code counted().cardinality() / n} is the
 * metric's value.
 *
 * @param metric the {@link Metric#id()}, a metric of unit {@link Metric#FRACTION}
 * @param iterations the iteration count the predictions were made at
 * @param n the number of examples, the dataset's size
 * @param counted the examples counted; bits at {@code n} or above are not allowed
 */
public record ExampleOutcomes(String metric, int iterations, int n, BitSet counted) {
  public ExampleOutcomes {
    requireNonNull(metric, "metric is null");
    requireNonNull(counted, "counted is null");
    if (n <= 0 || counted.length() > n) {
      throw new IllegalArgumentException(metric + " at " + iterations + " iterations counts example "
          + (counted.length() - 1) + " of " + n);
    }
    counted = (BitSet) counted.clone();
  }

  /** A copy: changing it leaves these outcomes as they were. */
  @Override
  public BitSet counted() {
    return (BitSet) counted.clone();
  }

  /** The proportion these outcomes make, with its Wilson interval: what {@link Task#score} reports. */
  public Score score() {
    return Score.proportion(metric, iterations, counted.cardinality(), n);
  }
}
