package dev.reckon.reports.stats;

/**
 * McNemar's exact test of two models on the same examples: only the discordant examples count,
 * {@code b} right only for the first model and {@code c} right only for the second; under the null
 * hypothesis each is a fair coin's toss, so the two-sided p-value is twice the binomial tail of
 * the smaller count, at most 1. Seeds combine by adding their discordant counts (the stratified
 * test), each seed's pairs being examples of its own cell.
 */
public final class McNemar {
  private McNemar() {}

  /** The two-sided exact p-value of {@code b} against {@code c} discordant examples. */
  public static double pValue(long b, long c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException("discordant counts are 0 or more, not " + b + " and " + c);
    }
    long n = b + c;
    if (n == 0) {
      return 1;
    }
    long smaller = Math.min(b, c);
    // The tail sum P(X <= smaller) for X ~ Binomial(n, 1/2), in logs so that large n does not underflow.
    double logHalf = n * Math.log(0.5);
    double tail = 0;
    for (long k = 0; k <= smaller; k++) {
      tail += Math.exp(logChoose(n, k) + logHalf);
    }
    return Math.min(1, 2 * tail);
  }

  private static double logChoose(long n, long k) {
    return Beta.logGamma(n + 1.0) - Beta.logGamma(k + 1.0) - Beta.logGamma(n - k + 1.0);
  }
}
