package dev.reckon.reports.measurements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void numbersReadTheSameInEveryLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("0.5", Numbers.text(0.5));
      assertEquals("1234.125", Numbers.text(1234.125));
      assertEquals("1.23e6", Numbers.text(1234567.125));
      assertEquals("2.02e9", Numbers.text(2.02e9));
    } finally {
      Locale.setDefault(before);
    }
    assertEquals("-1e-4", Numbers.text(-0.0001));
    assertEquals("5.88e-6", Numbers.text(5.8801e-6));
    assertEquals("0", Numbers.text(0.0));
    assertEquals("", Numbers.text(Double.NaN));
    assertEquals("+0.3", Numbers.change(0.3));
    assertEquals("-0.3", Numbers.change(-0.3));
    assertEquals("0", Numbers.change(0.0001));
    assertEquals("[0.963, 1]", Numbers.interval(0.9630065, 1.0));
  }

  /** McNemar's p of 0 against 55 discordant examples, 2 / 2^55, is the finding: never printed as 0. */
  @Test
  void aTinyProbabilityKeepsItsDigits() {
    assertEquals("5.55e-17", Numbers.probability(2 / Math.pow(2, 55)));
    assertEquals("0", Numbers.text(2 / Math.pow(2, 55)));
    assertEquals("3.03e-4", Numbers.probability(3.03e-4));
    assertEquals("0.065", Numbers.probability(0.0654));
    assertEquals("1", Numbers.probability(1));
  }
}
