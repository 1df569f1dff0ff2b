package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.lead;
import static dev.reckon.reports.claims.RuleSupport.levelWords;
import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.Outcome.LeftOut;
import dev.reckon.reports.claims.ResultSelection.TaskLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * On every selected level, every model of {@code worse} is worse than every model of {@code better}
 * outside the noise ({@link Comparison}); a level where no model is above {@code chance}, or every
 * one is at the {@link Ceiling}, decides nothing.
 */
record Separation(String task, List<String> levels, String metric, ModelGroup worse, ModelGroup better,
    Chance chance) implements ClaimRule {
  public Separation {
    required("task, levels, worse, better", task, levels, worse, better);
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, worse.models(), better.models());
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    for (TaskLevel s : RuleSupport.taskLevels(index, task, levels, metric)) {
      List<Measurement> low = worse.measurements(index, s);
      List<Measurement> high = better.measurements(index, s);
      if (low.isEmpty() || high.isEmpty()) {
        continue;
      }
      List<Measurement> both = Stream.concat(low.stream(), high.stream()).toList();
      Optional<LeftOut> chanceLevel = Chance.leftOut(chance, index, s.task(), s.level(), s.metric(), both)
          .or(() -> Ceiling.leftOut(index, s.task(), s.level(), s.metric(), both));
      if (chanceLevel.isPresent()) {
        leftOut.add(chanceLevel.get());
        continue;
      }
      Comparator<Measurement> byMerit = Comparator.comparingDouble(m -> lead(index, m, high.get(0)));
      Measurement bestOfWorse = low.stream().max(byMerit).orElseThrow();
      Measurement worstOfBetter = high.stream().min(byMerit).orElseThrow();
      List<Comparison> comparisons = new ArrayList<>();
      List<Comparison> together = new ArrayList<>();
      List<String> pairs = new ArrayList<>();
      for (Measurement w : low) {
        for (Measurement b : high) {
          Comparison comparison = Comparison.of(index, b, w);
          comparisons.add(comparison);
          if (!comparison.better()) {
            together.add(comparison);
            pairs.add(w.model() + " vs " + b.model());
          }
        }
      }
      findings.add(new Finding(together.isEmpty(), lead(index, worstOfBetter, bestOfWorse), String.format(
          Locale.ROOT, "%s %s, %s: best of %s %s (%s), worst of %s %s (%s)%s", s.task(), s.level(), s.metric(),
          worse.describe(), text(bestOfWorse), bestOfWorse.model(), better.describe(), text(worstOfBetter),
          worstOfBetter.model(), together.isEmpty() ? "; apart outside the noise (" + Comparison.bases(comparisons)
              + ")" : "; not apart outside the noise: " + Comparison.listed(pairs, together)
              + Comparison.unpairedBases(together))));
    }
    return Outcome.of(findings, leftOut, worse.describe() + " and " + better.describe() + " on " + task
        + levelWords(levels));
  }
}
