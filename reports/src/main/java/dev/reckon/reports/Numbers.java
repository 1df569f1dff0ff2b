package dev.reckon.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How reports print numbers for people: at most three decimals, no trailing zeros, any locale. */
final class Numbers {
  private Numbers() {}

  /**
   * {@code value} rounded to three decimals; an empty string for NaN. BigDecimal's plain string
   * does not depend on the default locale, so a report reads the same on every machine.
   */
  static String text(double value) {
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
  static String text(Object value) {
    return value instanceof Double d ? text(d.doubleValue()) : String.valueOf(value);
  }

  /** A 95% interval as {@code [low, high]}. */
  static String interval(double low, double high) {
    return "[" + text(low) + ", " + text(high) + "]";
  }

  /** A change with its sign, so that a drop and a rise read apart at a glance. */
  static String change(double change) {
    String text = text(change);
    return change > 0 && !text.equals("0") ? "+" + text : text;
  }
}
