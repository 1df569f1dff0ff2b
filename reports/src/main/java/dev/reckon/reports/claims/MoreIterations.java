package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.lead;
import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.Outcome.LeftOut;
import dev.reckon.reports.claims.ResultSelection.CellLevel;
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
 * Test-time compute as a trend: on every selected level, at the iteration counts {@code steps}
 * (ascending; counts, {@code T}-multiples, {@code budget}, {@code best}, or {@code all} for every
 * count the cell was evaluated at), no later count is worse than an earlier one outside the noise
 * and, with {@code rise} (the default), the last is better than the first outside the noise (paired
 * where the counts have outcomes: one cell's, on its own examples; see {@link Comparison}); steps
 * that name one count (e.g. {@code [T, best]} where the best is at T) then fail, as nothing rose;
 * and a level at the {@link Ceiling} at every count decides nothing.
 */
record MoreIterations(String model, String task, List<String> levels, String metric, List<String> steps,
    Boolean rise, Chance chance) implements CurveRule {
  public MoreIterations {
    required("model, task, levels, steps", model, task, levels, steps);
    rise = rise == null || rise;
  }

  /** The measurements at {@code steps}, each count once, ascending; empty when one is missing. */
  @Override
  public List<Measurement> curve(MeasurementIndex index, CellLevel s) {
    Map<Integer, Measurement> byCount = new TreeMap<>();
    for (String step : steps) {
      if (step.equals("all")) {
        RuleSupport.everyCount(index, s).forEach(m -> byCount.put(m.iterations(), m));
      } else {
        Optional<Measurement> m = RuleSupport.at(index, s, step);
        if (m.isEmpty()) {
          return List.of();
        }
        byCount.put(m.get().iterations(), m.get());
      }
    }
    // one count cannot fall, so only a rise can be asked of it
    return byCount.size() == 1 && !rise ? List.of() : List.copyOf(byCount.values());
  }

  /** With {@code rise}, a curve at the ceiling at every count has no room to rise and decides nothing. */
  @Override
  public Optional<LeftOut> undecided(MeasurementIndex index, CellLevel s, List<Measurement> curve) {
    return rise ? Ceiling.leftOut(index, s.task(), s.level(), s.metric(), curve) : Optional.empty();
  }

  @Override
  public Finding judge(MeasurementIndex index, CellLevel s, List<Measurement> sequence) {
    // every later count against every earlier one: a fall is the later worse outside the noise (its
    // difference, later minus earlier, then reads as the drop it is)
    List<Comparison> comparisons = new ArrayList<>();
    List<Comparison> falls = new ArrayList<>();
    List<String> fallLabels = new ArrayList<>();
    for (int i = 0; i < sequence.size(); i++) {
      for (int j = i + 1; j < sequence.size(); j++) {
        Comparison step = Comparison.of(index, sequence.get(j), sequence.get(i));
        comparisons.add(step);
        if (step.worse()) {
          falls.add(step);
          fallLabels.add(sequence.get(i).iterations() + " to " + sequence.get(j).iterations());
        }
      }
    }
    Measurement first = sequence.get(0);
    Measurement last = sequence.get(sequence.size() - 1);
    Comparison rose = Comparison.of(index, last, first);
    List<String> problems = new ArrayList<>();
    if (!falls.isEmpty()) {
      problems.add("falls outside the noise from " + Comparison.listed(fallLabels, falls) + " iterations"
          + Comparison.unpairedBases(falls));
    }
    if (rise && !rose.better()) {
      problems.add(sequence.size() == 1 ? String.join(" and ", steps) + " are one count: nothing rose"
          : "the last count is not better than the first outside the noise (" + rose.text() + ")");
    }
    String held = rise ? "; rises outside the noise (" + rose.text() + ")"
        : "; never falls outside the noise (" + Comparison.bases(comparisons) + ")";
    return new Finding(problems.isEmpty(), lead(index, last, first), String.format(Locale.ROOT,
        "%s on %s %s, %s at %s%s", s.model(), s.task(), s.level(), s.metric(), sequence.stream()
            .map(m -> RuleSupport.iterations(index, m) + ": " + text(m)).collect(Collectors.joining(", ")),
        problems.isEmpty() ? held : "; " + String.join("; ", problems)));
  }

  @Override
  public String sought() {
    return ", iterations " + String.join(", ", steps);
  }
}
