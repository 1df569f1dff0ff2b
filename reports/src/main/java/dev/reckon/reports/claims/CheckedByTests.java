package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.required;

import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.List;
import java.util.Optional;

/**
 * Decided by the project's unit tests, not by a run: {@code test} says which; {@code task}, when
 * given, names the tasks whose runs the claim is about, so that only their reports list it.
 */
record CheckedByTests(String test, String task) implements ClaimRule {
  public CheckedByTests {
    required("test", test);
  }

  @Override
  public Optional<Subject> subject() {
    return task == null ? Optional.empty() : Subject.of(task);
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    return new Outcome(ClaimStatus.CHECKED_BY_TESTS, List.of(test), "");
  }
}
