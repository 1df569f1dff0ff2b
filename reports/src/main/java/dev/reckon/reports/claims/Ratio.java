package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.levelWords;
import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.ResultSelection.TaskLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One group's numbers are at least {@code at_least} times another's, outside the noise: on every
 * selected level, for every model of {@code larger} (in its metric) and every model of {@code
 * smaller} (in its, which may be another metric of the same model), the lower end of the larger's 95%
 * interval is at least {@code at_least} times the upper end of the smaller's. With {@code at_least:
 * 1} that is the noise rule itself: larger, and the intervals apart.
 */
record Ratio(String task, List<String> levels, Side larger, Side smaller, @JsonProperty("at_least") Double atLeast)
    implements ClaimRule {
  public Ratio {
    required("task, levels, larger, smaller, at_least", task, levels, larger, smaller, atLeast);
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, larger.models(), smaller.models());
  }

  /** Models by id pattern and the metric read from them (default: the task's primary metric). */
  record Side(List<String> models, String metric) {
    public Side {
      required("models", models);
    }

    List<Measurement> measurements(MeasurementIndex index, TaskLevel at) {
      String read = metric == null ? index.primaryMetric(at.task()).orElseThrow() : metric;
      return new ModelGroup(models, null, null).measurements(index, new TaskLevel(at.task(), at.level(), read));
    }
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    for (TaskLevel s : RuleSupport.taskLevels(index, task, levels, larger.metric())) {
      for (Measurement big : larger.measurements(index, s)) {
        for (Measurement small : smaller.measurements(index, s)) {
          double apart = big.ciLow() / small.ciHigh();
          findings.add(new Finding(apart >= atLeast, apart - atLeast, String.format(Locale.ROOT,
              "%s %s: %s %s %s over %s %s %s is %s times, at least %s outside the noise (needs %s)", s.task(),
              s.level(), big.model(), big.metric(), text(big), small.model(), small.metric(), text(small),
              Numbers.text(big.value() / small.value()), Numbers.text(apart), Numbers.text(atLeast))));
        }
      }
    }
    return Outcome.of(findings, "{" + String.join(", ", larger.models()) + "} over {"
        + String.join(", ", smaller.models()) + "} on " + task + levelWords(levels));
  }
}
