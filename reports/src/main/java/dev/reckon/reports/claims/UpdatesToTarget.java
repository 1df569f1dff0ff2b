package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.required;

import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.Outcome.LeftOut;
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
 * training curve of {@code train_<primary metric>} reaches {@code target} in fewer updates than that
 * of {@code against}: at equal updates it is ahead. Updates, not wall time: cells of a run share a
 * machine, so one's seconds depend on what ran beside it. A curve that never reaches the target
 * counts as slower, unless it trained fewer updates than the other needed: then the pair decides
 * nothing ("trained too short to tell").
 */
record UpdatesToTarget(String model, String against, String task, double target) implements ClaimRule {
  /** The reason of a pair left out because the one that never got there stopped before the other did. */
  static final String TOO_SHORT = "trained too short to tell";
  /** The update of a curve that never reached the target. */
  private static final long NEVER = Long.MAX_VALUE;

  public UpdatesToTarget {
    required("model, against, task", model, against, task);
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, List.of(model), List.of(against));
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    for (Cell[] pair : TrainingCurves.trainedPairs(index, model, against, task)) {
      String metric = TrainingCurves.trainingMetric(index, pair[0]);
      long mine = updatesTo(index, pair[0], metric);
      long other = updatesTo(index, pair[1], metric);
      String numbers = String.format(Locale.ROOT, "%s %s seed %d: %s reached %s: %s, %s", pair[0].task(),
          pair[0].trainLevel(), pair[0].seed(), metric, Numbers.text(target),
          when(model, mine, TrainingCurves.updates(index, pair[0])),
          when(against, other, TrainingCurves.updates(index, pair[1])));
      if (mine == NEVER && TrainingCurves.updates(index, pair[0]) < other
          || other == NEVER && TrainingCurves.updates(index, pair[1]) < mine) {
        leftOut.add(new LeftOut(TOO_SHORT, numbers));
      } else {
        findings.add(new Finding(mine < other, (double) Math.min(other, Integer.MAX_VALUE)
            - Math.min(mine, Integer.MAX_VALUE), numbers));
      }
    }
    return Outcome.of(findings, leftOut, "finished training cells of " + model + " and " + against + " on " + task);
  }

  /** The first update where the cell's curve reached the target, {@link #NEVER} when it did not. */
  private long updatesTo(MeasurementIndex index, Cell cell, String metric) {
    return TrainingCurves.curve(index, cell, metric).filter(p -> p.value() >= target)
        .mapToLong(TrainingPoint::update).findFirst().orElse(NEVER);
  }

  /** E.g. {@code rrn after 175 updates}, or {@code learned-adjacency never in 150 updates}. */
  private static String when(String model, long update, long trained) {
    return model + (update == NEVER ? " never in " + trained + " updates" : " after " + update + " updates");
  }
}
