package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.range;

import dev.reckon.api.Metric;
import dev.reckon.reports.claims.Outcome.LeftOut;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ceiling guard, the counterpart of {@link Chance}: a fraction cannot do better than a perfect 1
 * (0 where lower is better), so on a level where every number a rule compares is within the noise of
 * it (its 95% interval reaches it), nothing can rise, lead or separate outside the noise, and the
 * level decides nothing ("at the ceiling"). Only a fraction has a known perfect score. The rules that
 * ask for a rise, a lead or a separation apply it; those that ask for no fall do not, as a level at
 * the ceiling shows that plainly.
 */
final class Ceiling {
  /** The reason of a level left out at the ceiling. */
  static final String AT_CEILING = "at the ceiling";

  private Ceiling() {}

  /**
   * The numbers that put a level at the ceiling, when every one of {@code measured} (in {@code
   * metric}) is within the noise of a perfect score; empty otherwise, and for a metric that is no
   * fraction.
   */
  static Optional<LeftOut> leftOut(MeasurementIndex index, String task, String level, String metric,
      List<Measurement> measured) {
    TaskInfo info = index.run().tasks().get(task);
    if (info == null || !info.unit(metric).equals(Metric.FRACTION) || measured.isEmpty()) {
      return Optional.empty();
    }
    boolean higher = info.higherIsBetter(metric);
    double perfect = higher ? 1 : 0;
    boolean atCeiling = measured.stream().allMatch(m -> higher ? m.ciHigh() >= perfect - Threshold.ROUNDING
        : m.ciLow() <= perfect + Threshold.ROUNDING);
    return !atCeiling ? Optional.empty() : Optional.of(new LeftOut(AT_CEILING, String.format(Locale.ROOT,
        "%s %s: %s %s, every one within the noise of a perfect %s", task, level, metric, range(measured),
        Numbers.text(perfect))));
  }
}
