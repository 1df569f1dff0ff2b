package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.ResultSelection.matches;
import static dev.reckon.reports.claims.RuleSupport.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunResults.Cell;
import dev.reckon.reports.format.RunResults.TrainingPoint;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A training collapse read from the curve itself (training.csv): in every finished cell of the
 * model on {@code task} that trained at least {@code min_updates} updates, the curve {@code metric}
 * (default {@code train_<primary metric>}) first reaches {@code from_at_least}, later falls to at
 * most {@code to_at_most} (near zero) and stays there to the end of training, for at least {@code
 * for_points} points (default 3). Shorter cells do not count, so a run without a long enough one
 * leaves the claim not measured. The harness's own detection (cells.csv) is quoted beside it.
 */
record Collapses(String model, String task, String metric, @JsonProperty("min_updates") int minUpdates,
    @JsonProperty("from_at_least") Double fromAtLeast, @JsonProperty("to_at_most") Double toAtMost,
    @JsonProperty("for_points") Integer forPoints) implements ClaimRule {
  public Collapses {
    required("model, task, from_at_least, to_at_most", model, task, fromAtLeast, toAtMost);
    forPoints = forPoints == null ? 3 : forPoints;
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, List.of(model));
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    for (Cell cell : index.run().cells()) {
      if (!cell.model().equals(model) || !cell.status().equals(RunFormat.DONE) || !matches(task, cell.task())) {
        continue;
      }
      long updates = TrainingCurves.updates(index, cell);
      if (updates < minUpdates) {
        continue;
      }
      String curveMetric = metric == null ? TrainingCurves.trainingMetric(index, cell) : metric;
      List<TrainingPoint> curve = TrainingCurves.curve(index, cell, curveMetric).sorted(Comparator.comparingLong(
          TrainingPoint::update)).toList();
      int peak = -1;
      for (int i = 0; i < curve.size() && peak < 0; i++) {
        if (curve.get(i).value() >= fromAtLeast) {
          peak = i;
        }
      }
      // the tail of the curve at or below toAtMost: where the fall that stayed began
      int tail = curve.size();
      while (tail > 0 && curve.get(tail - 1).value() <= toAtMost) {
        tail--;
      }
      boolean collapsed = peak >= 0 && tail > peak && curve.size() - tail >= forPoints;
      double best = curve.stream().mapToDouble(TrainingPoint::value).max().orElse(Double.NaN);
      String fall = peak < 0 ? "never reached " + Numbers.text(fromAtLeast)
          : tail == curve.size() ? "ends at " + Numbers.text(curve.get(curve.size() - 1).value())
          : curve.size() - tail < forPoints ? "at most " + Numbers.text(toAtMost) + " only for its last "
              + (curve.size() - tail) + " points"
          : "fell to " + Numbers.text(curve.get(tail).value()) + " at update " + curve.get(tail).update()
              + " and stayed at most " + Numbers.text(toAtMost) + " for its last " + (curve.size() - tail)
              + " points";
      findings.add(new Finding(collapsed, collapsed ? 1 : -1, String.format(Locale.ROOT,
          "%s on %s %s seed %d, %d updates: %s peaked at %s, %s%s", model, cell.task(), cell.trainLevel(),
          cell.seed(), updates, curveMetric, Numbers.text(best), fall, cell.collapseUpdate() > 0
              ? " (the harness saw a collapse at update " + cell.collapseUpdate() + ": " + cell.collapse() + ")"
              : "")));
    }
    return Outcome.of(findings, model + " on " + task + " trained at least " + minUpdates + " updates");
  }
}
