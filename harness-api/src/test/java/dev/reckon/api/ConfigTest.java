package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  private static final List<Setting> DECLARED = List.of(
      Setting.integer("steps", 8, "steps unrolled"),
      Setting.number("learningRate", 0.002, "step size"),
      Setting.integer("messageWidth", null, "default: hidden"),
      Setting.integers("dimensions", List.of(4, 8), "dimensions"));

  @Test
  void aNumberSettingIsFiniteAsDefaultAndAsValue() {
    for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> Setting.number("learningRate", value, "step size"));
      assertTrue(refused.getMessage().contains("setting 'learningRate' is " + value + "; expected a finite number"),
          refused::getMessage);
      assertThrows(IllegalArgumentException.class, () -> Config.resolve(DECLARED, Map.of("learningRate", value)));
    }
  }

  @Test
  void fillsDefaultsAndTakesGivenValuesAsTheirType() {
    Config config = Config.resolve(DECLARED, Map.of("learningRate", 1, "dimensions", List.of(16L)));
    assertEquals(8, config.getInt("steps"));
    assertEquals(1.0, config.getDouble("learningRate"));
    assertEquals(List.of(16), config.getIntList("dimensions"));
    assertFalse(config.has("messageWidth"), "a derived default stays unset");
    assertEquals(64, config.getInt("messageWidth", 64));
    assertEquals(Map.of("steps", 8, "learningRate", 1.0, "dimensions", List.of(16)), config.asMap());
  }

  @Test
  void refusesAnUndeclaredNameNamingItAndTheDeclaredOnes() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Config.resolve(DECLARED, Map.of("step", 16)));
    assertEquals("unknown setting 'step'; its settings are dimensions, learningRate, messageWidth, steps",
        error.getMessage());
  }

  @Test
  void refusesAValueOfTheWrongType() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Config.resolve(DECLARED, Map.of("steps", 2.5)));
    assertEquals("setting 'steps' is 2.5; expected a whole number", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Config.resolve(DECLARED, Map.of("learningRate", "fast")));
    assertThrows(IllegalArgumentException.class, () -> Config.resolve(DECLARED, Map.of("dimensions", List.of("a"))));
  }

  @Test
  void aSettingWithoutAValueCannotBeReadWithoutAFallback() {
    Config config = Config.resolve(DECLARED, Map.of());
    assertThrows(IllegalStateException.class, () -> config.getInt("messageWidth"));
    assertTrue(Config.resolve(List.of(), Map.of()).asMap().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Config.resolve(List.of(), Map.of("x", 1)));
  }
}
