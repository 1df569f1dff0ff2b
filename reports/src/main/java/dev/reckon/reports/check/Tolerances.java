package dev.reckon.reports.check;

import dev.reckon.api.Metric;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much worse a number may get before {@code reckon check} fails, per metric, as an absolute
 * amount in the metric's unit. Defaults: {@value #FRACTION} for a metric measured as a fraction
 * (accuracies, overlaps: five points), {@value #OTHER} for any other unit (e.g. nats of KL
 * divergence or entropy). {@code metric=value} sets one metric, {@code *=value} every metric not
 * named.
 */
public final class Tolerances {
  public static final double FRACTION = 0.05;
  public static final double OTHER = 0.1;
  private static final String EVERY_METRIC = "*";

  private final Map<String, Double> byMetric;

  private Tolerances(Map<String, Double> byMetric) {
    this.byMetric = Map.copyOf(byMetric);
  }

  public static Tolerances defaults() {
    return new Tolerances(Map.of());
  }

  /**
   * Parses {@code metric=value} settings.
   *
   * @throws IllegalArgumentException naming the malformed setting
   */
  public static Tolerances parse(List<String> settings) {
    Map<String, Double> byMetric = new LinkedHashMap<>();
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("a tolerance is metric=value (or *=value), not '" + setting + "'");
      }
      double value;
      try {
        value = Double.parseDouble(setting.substring(equals + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the tolerance '" + setting + "' is not a number after '='");
      }
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("the tolerance '" + setting + "' must be a finite number >= 0");
      }
      byMetric.put(setting.substring(0, equals).strip(), value);
    }
    return new Tolerances(byMetric);
  }

  /** The tolerance of a metric with the given unit (as the manifest states it). */
  public double of(String metric, String unit) {
    Double set = byMetric.getOrDefault(metric, byMetric.get(EVERY_METRIC));
    if (set != null) {
      return set;
    }
    return unit.equals(Metric.FRACTION) ? FRACTION : OTHER;
  }

  /** One line for a summary, e.g. {@code kl_divergence 0.2; otherwise fractions 0.05, other units 0.1}. */
  public String describe() {
    List<String> set = new ArrayList<>();
    byMetric.forEach((metric, value) -> {
      if (!metric.equals(EVERY_METRIC)) {
        set.add(metric + " " + Numbers.text(value));
      }
    });
    Double every = byMetric.get(EVERY_METRIC);
    String otherwise = every != null ? "every metric " + Numbers.text(every)
        : "fractions " + Numbers.text(FRACTION) + ", other units " + Numbers.text(OTHER);
    return set.isEmpty() ? otherwise : String.join(", ", set) + "; otherwise " + otherwise;
  }
}
