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
import java.util.OptionalDouble;

/**
 * In every pair of finished cells of both models trained alike (task, level, seed), the largest
 * value of the training curve {@code metric} (e.g. {@code update_memory_mb}) is smaller for the
 * model than for {@code against}.
 */
record LowerTrainingPeak(String model, String against, String task, String metric) implements ClaimRule {
  public LowerTrainingPeak {
    required("model, against, task, metric", model, against, task, metric);
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, List.of(model), List.of(against));
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    for (Cell[] pair : TrainingCurves.trainedPairs(index, model, against, task)) {
      OptionalDouble mine = TrainingCurves.curve(index, pair[0], metric).mapToDouble(TrainingPoint::value).max();
      OptionalDouble other = TrainingCurves.curve(index, pair[1], metric).mapToDouble(TrainingPoint::value).max();
      if (mine.isPresent() && other.isPresent()) {
        findings.add(new Finding(mine.getAsDouble() < other.getAsDouble(), other.getAsDouble() - mine.getAsDouble(),
            String.format(Locale.ROOT, "%s %s seed %d: largest %s %s %s, %s %s (ratio %s)", pair[0].task(),
                pair[0].trainLevel(), pair[0].seed(), metric, model, Numbers.text(mine.getAsDouble()), against,
                Numbers.text(other.getAsDouble()), Numbers.text(mine.getAsDouble() / other.getAsDouble()))));
      }
    }
    return Outcome.of(findings, "training curves of " + metric + " of " + model + " and " + against + " on "
        + task);
  }
}
