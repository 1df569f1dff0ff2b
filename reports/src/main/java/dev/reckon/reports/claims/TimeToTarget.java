package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.required;

import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.format.RunResults.Cell;
import dev.reckon.reports.format.RunResults.TrainingPoint;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * In every pair of finished cells of both models trained alike (task, level, seed), the model's
 * training curve of {@code train_<primary metric>} reaches {@code target} in less wall time than
 * that of {@code against}; a model whose curve never reaches it counts as slower.
 */
record TimeToTarget(String model, String against, String task, double target) implements ClaimRule {
  public TimeToTarget {
    required("model, against, task", model, against, task);
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, List.of(model), List.of(against));
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    for (Cell[] pair : TrainingCurves.trainedPairs(index, model, against, task)) {
      String metric = TrainingCurves.trainingMetric(index, pair[0]);
      double mine = secondsTo(index, pair[0], metric);
      double other = secondsTo(index, pair[1], metric);
      double margin = Math.min(other, Double.MAX_VALUE) - Math.min(mine, Double.MAX_VALUE);
      findings.add(new Finding(mine < other, margin, String.format(Locale.ROOT,
          "%s %s seed %d: %s reached %s: %s, %s", pair[0].task(), pair[0].trainLevel(), pair[0].seed(), metric,
          Numbers.text(target), when(model, mine), when(against, other))));
    }
    return Outcome.of(findings, "finished training cells of " + model + " and " + against + " on " + task);
  }

  private double secondsTo(MeasurementIndex index, Cell cell, String metric) {
    return TrainingCurves.curve(index, cell, metric).filter(p -> p.value() >= target)
        .mapToDouble(TrainingPoint::wallSeconds).findFirst().orElse(Double.POSITIVE_INFINITY);
  }

  /** E.g. {@code rrn after 28.1 s}, or {@code learned-adjacency never} for a curve that never got there. */
  private static String when(String model, double seconds) {
    return model + (Double.isInfinite(seconds) ? " never" : " after " + Numbers.text(seconds) + " s");
  }
}
