package dev.reckon.runner.execution;

import static java.util.Objects.requireNonNull;

/**
 * A training curve that fell off a cliff and stayed there, or became NaN.
 *
 * @param update the update at which the fall began
 * @param metric the curve that fell, e.g. {@code train_puzzle_accuracy} or {@code loss}
 * @param description what happened, in one line: {@code "train_puzzle_accuracy fell from 0.97 to 0.02"}
 */
public record TrainingCollapse(int update, String metric, String description) {
  public TrainingCollapse {
    requireNonNull(metric, "metric is null");
    requireNonNull(description, "description is null");
  }

  @Override
  public String toString() {
    return "training collapsed at update " + update + ": " + description;
  }
}
