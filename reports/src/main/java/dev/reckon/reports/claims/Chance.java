package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.ResultSelection.matches;
import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import dev.reckon.reports.claims.Outcome.LeftOut;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chance check of a trend or separation: a level where none of the models the rule reads is
 * better than {@code model} (e.g. {@code uniform}) outside the noise ({@link Comparison}: paired
 * where both have outcomes), in {@code metric} (default: the rule's), is at chance and decides
 * nothing; when every selected level is, the rule is "not measured: models at chance". A level the
 * chance model was not evaluated on is not checked. With {@code above} (model id patterns), only
 * those of the rule's models count: a level decides only where one of them beats chance, e.g. the
 * model a "does not catch up" rule says loses, as a model that never learned has nothing to catch
 * up with.
 */
record Chance(String model, String metric, List<String> above) {
  /** The reason of a level left out at chance. */
  private static final String AT_CHANCE = "models at chance";

  public Chance {
    required("model", model);
  }

  String metric(String ruleMetric) {
    return metric == null || metric.equals("primary") ? ruleMetric : metric;
  }

  /**
   * The chance check of a rule on one task level: the numbers that put it at chance, when the run has
   * the chance model there and none of the rule's measurements, each read in the chance metric at its
   * cell and count, is better than it outside the noise; empty otherwise (no chance clause, no chance
   * model there, or a measurement above it).
   *
   * @param chance the rule's chance clause, null when it has none
   * @param measured the rule's measurements there, in the rule's metric
   */
  static Optional<LeftOut> leftOut(Chance chance, MeasurementIndex index, String task, String level,
      String ruleMetric, List<Measurement> measured) {
    if (chance == null) {
      return Optional.empty();
    }
    String metric = chance.metric(ruleMetric);
    List<Measurement> inChanceMetric = measured.stream()
        .filter(m -> chance.above == null || chance.above.stream().anyMatch(pattern -> matches(pattern, m.model())))
        .flatMap(m -> inMetric(index, m, metric).stream()).toList();
    Optional<Measurement> baseline = index.atBudget(chance.model(), task, level, metric);
    if (inChanceMetric.isEmpty() || baseline.isEmpty()) {
      return Optional.empty();
    }
    List<Comparison> comparisons = inChanceMetric.stream().map(m -> Comparison.of(index, m, baseline.get())).toList();
    if (comparisons.stream().anyMatch(Comparison::better)) {
      return Optional.empty();
    }
    return Optional.of(new LeftOut(chance.above == null ? AT_CHANCE : String.join(", ", chance.above) + " at chance",
        String.format(Locale.ROOT, "%s %s: %s %s, none better than %s's %s (%s)", task, level, metric,
            RuleSupport.range(inChanceMetric), chance.model(), text(baseline.get()), Comparison.bases(comparisons))));
  }

  /** The same cell, level and iterations as {@code m}, in another metric. */
  private static Optional<Measurement> inMetric(MeasurementIndex index, Measurement m, String metric) {
    return index.get(new Key(m.model(), m.task(), m.trainLevel(), m.evalLevel(), m.iterations(), metric));
  }
}
