package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * A quantity a task measures.
 *
 * @param id name in the results table, e.g. {@code puzzle_accuracy}
 * @param direction whether a larger value is better
 * @param unit e.g. {@code fraction}, {@code nats}
 * @param description one line for people
 */
public record Metric(String id, Direction direction, String unit, String description) {
  /** The unit of a proportion, a value in [0, 1]; the conformance checks hold such scores to it. */
  public static final String FRACTION = "fraction";

  public Metric {
    requireNonNull(id, "id is null");
    requireNonNull(direction, "direction is null");
    requireNonNull(unit, "unit is null");
    requireNonNull(description, "description is null");
  }

  /**
   * The best value a score can have: 1 for a {@link #FRACTION} where higher is better, 0 where lower
   * is better (an error, a divergence); empty for other metrics, whose best is not known.
   */
  public OptionalDouble best() {
    if (direction == Direction.LOWER_IS_BETTER) {
      return OptionalDouble.of(0);
    }
    return unit.equals(FRACTION) ? OptionalDouble.of(1) : OptionalDouble.empty();
  }

  /** Which way is better. */
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** True when {@code a} is better than {@code b} in this direction. */
    public boolean better(double a, double b) {
      return this == HIGHER_IS_BETTER ? a > b : a < b;
    }
  }
}
