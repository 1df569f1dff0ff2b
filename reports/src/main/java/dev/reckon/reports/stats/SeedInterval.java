package dev.reckon.reports.stats;

import java.util.Arrays;

/**
 * The 95% interval of a mean over seeds: Student's t on the seeds' own means, {@code mean +- t(0.975,
 * n - 1) sd / sqrt(n)}. Each seed is one draw of a training run; the examples' noise within a seed
 * is inside its mean. One seed has no interval of its own over seeds (NaN bounds): say so rather
 * than draw a band of width zero. It knows no range: {@link
 * dev.reckon.reports.measurements.Measurement} keeps a fraction's within [0, 1].
 *
 * @param mean the mean of the seeds' values
 * @param low the lower bound, NaN with one seed
 * @param high the upper bound, NaN with one seed
 * @param seeds how many seeds
 */
public record SeedInterval(double mean, double low, double high, int seeds) {
  /** The interval of {@code values}, one a seed. */
  public static SeedInterval of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("an interval over seeds needs at least one seed");
    }
    int n = values.length;
    double mean = Arrays.stream(values).sum() / n;
    if (n == 1) {
      return new SeedInterval(mean, Double.NaN, Double.NaN, 1);
    }
    double squares = Arrays.stream(values).map(value -> (value - mean) * (value - mean)).sum();
    double half = StudentT.quantile(0.975, n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    return new SeedInterval(mean, mean - half, mean + half, n);
  }

  /** Whether the interval exists: two seeds or more. */
  public boolean bounded() {
    return seeds > 1;
  }
}
