package dev.reckon.reports.measurements;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How reports print numbers for people: at most three decimals (three significant digits for a value
 * that would round to 0 and for a count of a million or more, such as FLOPs), no trailing zeros,
 * any locale.
 */
public final class Numbers {
  /**
   * Below this a value is what floating point leaves of 0 (a Wilson bound at 0 successes is 4e-19),
   * and reads as 0.
   */
  private static final double ROUNDING_RESIDUE = 1e-12;

  /** From here on a value reads better as {@code 2.02e9} than as ten digits. */
  private static final double LARGE = 1e6;

  private Numbers() {}

  /**
   * {@code value} rounded to three decimals, or, when that would print as 0 a value that is no
   * rounding residue, to three significant digits ({@code 5.88e-6}: the KL divergence of a converged
   * table is not 0), as a value of a million or more ({@code 2.02e9}); an empty string for NaN. BigDecimal's plain string does not depend on the
   * default locale, so a report reads the same on every machine.
   */
  public static String text(double value) {
    String decimals = decimals(value);
    boolean large = Math.abs(value) >= LARGE && !Double.isInfinite(value);
    if (!large && (!decimals.equals("0") || Math.abs(value) < ROUNDING_RESIDUE)) {
      return decimals;
    }
    return scientific(value);
  }

  /** Three significant digits and a power of ten, e.g. {@code 1.23e-5}. */
  private static String scientific(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    return rounded.scaleByPowerOfTen(-exponent).toPlainString() + "e" + exponent;
  }

  /** {@code value} rounded to three decimals; an empty string for NaN. */
  private static String decimals(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN);
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }

  /** A board cell: numbers rounded, everything else as it is. */
  public static String text(Object value) {
    return value instanceof Double d ? text(d.doubleValue()) : String.valueOf(value);
  }

  /**
   * A p-value: as {@link #text(double)} but never rounded to 0, for a tiny p is the finding itself
   * (five decimals of a paired test over 1500 examples are often all zeros), e.g. {@code 5.55e-17}.
   */
  public static String probability(double p) {
    if (p == 0 || p >= 0.001 || Double.isNaN(p)) {
      return text(p);
    }
    return scientific(p);
  }

  /** A 95% interval as {@code [low, high]}. */
  public static String interval(double low, double high) {
    return "[" + text(low) + ", " + text(high) + "]";
  }

  /**
   * A change with its sign, so that a drop and a rise read apart at a glance; rounded to three
   * decimals, so that a change too small to matter reads as 0.
   */
  public static String change(double change) {
    String text = decimals(change);
    return change > 0 && !text.equals("0") ? "+" + text : text;
  }

  /**
   * A count of things, the noun in the plural unless there is one: {@code 1 cell}, {@code 3 cells},
   * {@code 0 cells}. For nouns whose plural adds an s.
   */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
