package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.levelWords;
import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.Outcome.LeftOut;
import dev.reckon.reports.claims.ResultSelection.TaskLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Across the selected models ordered by representation dimension d (at least {@code
 * min_dimensions} of them, default 3), the metric falls (or rises) as d rises: the smallest and the
 * largest d differ that way outside the noise, and no two dimensions go the other way outside the
 * noise ({@link Comparison}; within the noise, a step may go either way). A level where no model is
 * above {@code chance}, or every one is at the {@link Ceiling}, decides nothing.
 */
record DimensionTrend(List<String> models, String task, List<String> levels, String metric, Trend trend,
    Chance chance, @JsonProperty("min_dimensions") Integer minDimensions) implements ClaimRule {
  public DimensionTrend {
    required("models, task, levels, trend", models, task, levels, trend);
    minDimensions = minDimensions == null ? 3 : minDimensions;
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, models);
  }

  /** Which way the metric goes as d rises. */
  enum Trend {
    @JsonProperty("falls") FALLS,
    @JsonProperty("rises") RISES
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    ModelGroup group = new ModelGroup(models, null, null);
    List<Finding> findings = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    for (TaskLevel s : RuleSupport.taskLevels(index, task, levels, metric)) {
      Map<Integer, Measurement> byDimension = new TreeMap<>();
      group.measurements(index, s)
          .forEach(m -> MeasurementIndex.dimension(m.model()).ifPresent(d -> byDimension.put(d, m)));
      if (byDimension.size() < minDimensions) {
        continue;
      }
      List<Measurement> ordered = List.copyOf(byDimension.values());
      Optional<LeftOut> chanceLevel = Chance.leftOut(chance, index, s.task(), s.level(), s.metric(), ordered)
          .or(() -> Ceiling.leftOut(index, s.task(), s.level(), s.metric(), ordered));
      if (chanceLevel.isPresent()) {
        leftOut.add(chanceLevel.get());
        continue;
      }
      // each smaller d against each larger one: the larger went the other way outside the noise
      List<Comparison> against = new ArrayList<>();
      List<String> steps = new ArrayList<>();
      for (int i = 0; i < ordered.size(); i++) {
        for (int j = i + 1; j < ordered.size(); j++) {
          Comparison step = Comparison.of(index, ordered.get(j), ordered.get(i));
          if (trend == Trend.FALLS ? step.above() : step.below()) {
            against.add(step);
            steps.add("d = " + dimension(ordered.get(i)) + " to " + dimension(ordered.get(j)));
          }
        }
      }
      Measurement smallest = ordered.get(0);
      Measurement largest = ordered.get(ordered.size() - 1);
      Comparison ends = Comparison.of(index, largest, smallest);
      double change = (largest.value() - smallest.value()) * (trend == Trend.FALLS ? -1 : 1);
      List<String> problems = new ArrayList<>();
      if (!against.isEmpty()) {
        problems.add("goes the wrong way outside the noise from " + Comparison.listed(steps, against)
            + Comparison.unpairedBases(against));
      }
      if (!(trend == Trend.FALLS ? ends.below() : ends.above())) {
        problems.add("d = " + dimension(smallest) + " and d = " + dimension(largest) + " are not apart the stated "
            + "way outside the noise (" + ends.text() + ")");
      }
      findings.add(new Finding(problems.isEmpty(), change, String.format(Locale.ROOT,
          "%s %s, %s by d: %s; %s", s.task(), s.level(), s.metric(), byDimension.entrySet().stream()
              .map(e -> e.getKey() + ": " + text(e.getValue())).collect(Collectors.joining(", ")),
          problems.isEmpty() ? (trend == Trend.FALLS ? "falls" : "rises") + " as d rises, outside the noise ("
              + ends.text() + ")" : String.join("; ", problems))));
    }
    return Outcome.of(findings, leftOut, String.join(", ", models) + " (at least " + minDimensions
        + " dimensions) on " + task + levelWords(levels));
  }

  private static int dimension(Measurement m) {
    return MeasurementIndex.dimension(m.model()).orElseThrow();
  }
}
