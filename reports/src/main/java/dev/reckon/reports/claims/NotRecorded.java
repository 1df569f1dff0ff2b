package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.required;

import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.List;
import java.util.Optional;

/**
 * A claim no run can decide yet, because the harness does not record what it needs; {@code task},
 * when given, names the tasks whose runs the claim is about.
 */
record NotRecorded(String reason, String task) implements ClaimRule {
  public NotRecorded {
    required("reason", reason);
  }

  @Override
  public Optional<Subject> subject() {
    return task == null ? Optional.empty() : Subject.of(task);
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    return new Outcome(ClaimStatus.NOT_MEASURED, List.of(reason), "not recorded");
  }
}
