package dev.reckon.api;

import static java.util.Objects.requireNonNull;

/**
 * One measured value of a metric at one iteration count, with its 95% confidence interval.
 *
 * @param metric the {@link Metric#id()}
 * @param iterations the iteration count the predictions were made at
 * @param value the estimate
 * @param n the number of samples behind it
 * @param ciLow lower end of the 95% interval
 * @param ciHigh upper end of the 95% interval
 */
public record Score(String metric, int iterations, double value, int n, double ciLow, double ciHigh) {
  private static final double Z95 = 1.959963984540054;

  public Score {
    requireNonNull(metric, "metric is null");
  }

  /** A proportion with the Wilson score interval, which stays inside [0, 1] even at 0 or n. */
  public static Score proportion(String metric, int iterations, long successes, int n) {
    if (n <= 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException("need 0 <= successes <= n and n > 0, got " + successes + "/" + n);
    }
    double p = (double) successes / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    // At 0 or n successes the exact bound is 0 or 1; the formula leaves a rounding residue there.
    double low = successes == 0 ? 0 : centre - half;
    double high = successes == n ? 1 : centre + half;
    return new Score(metric, iterations, p, n, low, high);
  }

  /** The mean of samples with a normal-approximation interval (mean +- 1.96 standard errors). */
  public static Score mean(String metric, int iterations, double[] samples) {
    int n = samples.length;
    if (n == 0) {
      throw new IllegalArgumentException("no samples for " + metric);
    }
    double sum = 0;
    for (double s : samples) {
      sum += s;
    }
    double mean = sum / n;
    double squares = 0;
    for (double s : samples) {
      squares += (s - mean) * (s - mean);
    }
    double half = n > 1 ? Z95 * Math.sqrt(squares / (n - 1) / n) : 0;
    return new Score(metric, iterations, mean, n, mean - half, mean + half);
  }
}
