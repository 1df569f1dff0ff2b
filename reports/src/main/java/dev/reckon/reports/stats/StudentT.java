package dev.reckon.reports.stats;

/**
 * Student's t distribution: its distribution function through the regularised incomplete beta
 * function, and its quantiles by bisection on it. The interval over a handful of seeds needs the
 * t quantile, not the normal's 1.96: at 3 seeds the 97.5% quantile is 4.30, 2.2 times wider.
 */
public final class StudentT {
  private StudentT() {}

  /** P(T <= t) for {@code degrees} degrees of freedom. */
  public static double cdf(double t, double degrees) {
    requireDegrees(degrees);
    double x = degrees / (degrees + t * t);
    double tail = 0.5 * Beta.regularized(x, degrees / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** The {@code p}-quantile, e.g. {@code quantile(0.975, 2)} = 4.3027. */
  public static double quantile(double p, double degrees) {
    requireDegrees(degrees);
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("a quantile's probability is between 0 and 1, not " + p);
    }
    if (p < 0.5) {
      return -quantile(1 - p, degrees);
    }
    double low = 0;
    double high = 1;
    while (cdf(high, degrees) < p) {
      high *= 2;
    }
    for (int i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
      double middle = (low + high) / 2;
      if (cdf(middle, degrees) < p) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return (low + high) / 2;
  }

  private static void requireDegrees(double degrees) {
    if (!(degrees > 0) || Double.isInfinite(degrees)) {
      throw new IllegalArgumentException("Student's t needs degrees of freedom above 0, not " + degrees);
    }
  }
}
