package dev.reckon.reports.stats;

/**
 * The difference of two independent estimates, second minus first, with Newcombe's 95% interval
 * from their own intervals: {@code d - sqrt((second - secondLow)^2 + (firstHigh - first)^2)} to
 * {@code d + sqrt((secondHigh - second)^2 + (first - firstLow)^2)} (for Wilson intervals, his method
 * 10). What is left where two numbers cannot be paired example by example ({@link
 * PairedDifference}): it ignores whatever the two share, so it is wider.
 *
 * @param difference the second less the first
 * @param low the interval's lower bound
 * @param high the interval's upper bound
 */
public record UnpairedDifference(double difference, double low, double high) {
  public static UnpairedDifference of(double first, double firstLow, double firstHigh, double second,
      double secondLow, double secondHigh) {
    double difference = second - first;
    return new UnpairedDifference(difference, difference - Math.hypot(second - secondLow, firstHigh - first),
        difference + Math.hypot(secondHigh - second, first - firstLow));
  }
}
