package dev.reckon.reports.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TolerancesTest {
  @Test
  void defaultsDependOnTheUnit() {
    Tolerances defaults = Tolerances.defaults();
    assertEquals(0.05, defaults.of("puzzle_accuracy", "fraction"));
    assertEquals(0.1, defaults.of("kl_divergence", "nats"));
    assertEquals(0.1, defaults.of("anything", ""));
    assertEquals("fractions 0.05, other units 0.1", defaults.describe());
  }

  @Test
  void aMetricOrEveryMetricCanBeSet() {
    Tolerances set = Tolerances.parse(List.of("kl_divergence=0.2", "*=0.01"));
    assertEquals(0.2, set.of("kl_divergence", "nats"));
    assertEquals(0.01, set.of("puzzle_accuracy", "fraction"));
    assertEquals("kl_divergence 0.2; otherwise every metric 0.01", set.describe());
  }

  @Test
  void malformedSettingsAreNamed() {
    assertEquals("a tolerance is metric=value (or *=value), not 'puzzle_accuracy'", assertThrows(
        IllegalArgumentException.class, () -> Tolerances.parse(List.of("puzzle_accuracy"))).getMessage());
    assertEquals("the tolerance 'x=much' is not a number after '='", assertThrows(IllegalArgumentException.class,
        () -> Tolerances.parse(List.of("x=much"))).getMessage());
    for (String bad : List.of("x=-0.1", "x=NaN", "x=Infinity")) {
      assertEquals("the tolerance '" + bad + "' must be a finite number >= 0", assertThrows(
          IllegalArgumentException.class, () -> Tolerances.parse(List.of(bad))).getMessage());
    }
  }
}
