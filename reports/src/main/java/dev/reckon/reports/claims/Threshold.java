package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.levelWords;
import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.ResultSelection.CellLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every selected model is at least {@code atLeast} and at most {@code atMost} on every selected
 * level, at its full budget, up to {@value #ROUNDING} of floating-point rounding. A bound reads the
 * value (the interval is shown): the bounds are the project's margins, not a comparison of two
 * noisy numbers.
 */
record Threshold(List<String> models, String task, List<String> levels, String metric,
    @JsonProperty("at_least") Double atLeast, @JsonProperty("at_most") Double atMost) implements ClaimRule {
  /** How far a value may miss a bound by floating-point rounding alone (a mean of ones, a KL of 1e-16). */
  static final double ROUNDING = 1e-9;

  public Threshold {
    required("models, task, levels", models, task, levels);
    if (atLeast == null && atMost == null) {
      throw new IllegalArgumentException("a threshold needs at_least or at_most");
    }
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, models);
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    for (CellLevel s : RuleSupport.cellLevels(index, task, models, levels, metric)) {
      Measurement m = s.atBudget(index);
      double value = m.value();
      double margin = Math.min(atLeast == null ? Double.MAX_VALUE : value - atLeast,
          atMost == null ? Double.MAX_VALUE : atMost - value);
      findings.add(new Finding(margin >= -ROUNDING, margin, String.format(Locale.ROOT,
          "%s on %s %s at %s: %s %s (needs %s)", s.model(), s.task(), s.level(),
          Numbers.count(m.iterations(), "iteration"),
          s.metric(), text(m), RuleSupport.bounds(atLeast, atMost))));
    }
    return Outcome.of(findings, String.join(", ", models) + " on " + task + levelWords(levels));
  }
}
