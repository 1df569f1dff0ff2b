package dev.reckon.reports.stats;

/**
 * The difference of two models' accuracy on the same {@code n} examples, second minus first, with
 * its 95% interval from the paired variance: {@code d = (c - b) / n}, {@code var(d) = (b + c - (c -
 * b)^2 / n) / n^2} (the discordant pairs carry all of it), and the exact McNemar p-value. Paired,
 * the interval is narrower than two separate intervals' overlap says whenever the models agree on
 * most examples.
 *
 * @param difference the second model's accuracy less the first's
 * @param low the interval's lower bound
 * @param high the interval's upper bound
 * @param pValue McNemar's exact two-sided p-value
 */
public record PairedDifference(double difference, double low, double high, double pValue) {
  private static final double Z_975 = 1.959963984540054;

  /**
   * @param onlyFirst examples only the first model answers right ({@code b})
   * @param onlySecond examples only the second model answers right ({@code c})
   * @param examples all the examples both answered ({@code n})
   */
  public static PairedDifference of(long onlyFirst, long onlySecond, long examples) {
    if (examples <= 0 || onlyFirst < 0 || onlySecond < 0 || onlyFirst + onlySecond > examples) {
      throw new IllegalArgumentException("a paired comparison needs 0 <= b + c <= n, n > 0; got b " + onlyFirst
          + ", c " + onlySecond + ", n " + examples);
    }
    double n = examples;
    double difference = (onlySecond - onlyFirst) / n;
    double variance = (onlyFirst + onlySecond - (onlySecond - onlyFirst) * (double) (onlySecond - onlyFirst) / n)
        / (n * n);
    double half = Z_975 * Math.sqrt(Math.max(0, variance));
    return new PairedDifference(difference, difference - half, difference + half,
        McNemar.pValue(onlyFirst, onlySecond));
  }

  /** The exact test's two-sided level: the counterpart of the 95% intervals. */
  public static final double LEVEL = 0.05;

  /**
   * Whether the difference is beyond the noise: McNemar's exact p-value below {@link #LEVEL}. The
   * exact test decides, not the interval (a normal approximation): with a few discordant examples
   * the two can disagree, and claims, compare and check must not.
   */
  public boolean beyondNoise() {
    return pValue < LEVEL;
  }
}
