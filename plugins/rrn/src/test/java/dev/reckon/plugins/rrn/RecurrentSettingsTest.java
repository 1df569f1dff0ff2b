package dev.reckon.plugins.rrn;

import static dev.reckon.graphnets.GraphNetworkSettings.FINAL_LEARNING_RATE;
import static dev.reckon.graphnets.GraphNetworkSettings.HIDDEN;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_WIDTH;
import static dev.reckon.graphnets.RecurrentSettings.MAX_EVAL_ITERATIONS;
import static dev.reckon.graphnets.RecurrentSettings.STEPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.kit.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecurrentSettingsTest {
  private static final List<Setting> DECLARED = new RrnModelFactory().settings();

  @Test
  void defaultsAreTheCpuScale() {
    Settings settings = resolved(Map.of());
    assertEquals(64, settings.get(HIDDEN));
    assertEquals(64, settings.get(MESSAGE_WIDTH));
    assertEquals(8, settings.get(STEPS));
    assertEquals(0.002 / 20, settings.get(FINAL_LEARNING_RATE));
    assertEquals(32, settings.get(MAX_EVAL_ITERATIONS));
    assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32}, RecurrentSettings.readoutIterations(settings));
  }

  @Test
  void derivedDefaultsFollowTheSettingsTheyDeriveFrom() {
    Settings settings = resolved(Map.of("hidden", 96, "learningRate", 0.01));
    assertEquals(96, settings.get(MESSAGE_WIDTH));
    assertEquals(0.01 / 20, settings.get(FINAL_LEARNING_RATE));
  }

  @Test
  void readsOutAtOneTTwoTAndFourTWhateverT() {
    Settings settings = resolved(Map.of("steps", 5));
    assertArrayEquals(new int[] {1, 2, 4, 5, 8, 10, 16, 20}, RecurrentSettings.readoutIterations(settings));
  }

  @Test
  void jsonRoundTrips() {
    Settings settings = resolved(Map.of("hidden", 96, "learningRate", 1e-4, "steps", 12));
    assertEquals(settings, RecurrentSettings.DECLARATIONS.fromJson(settings.toJson()));
  }

  @Test
  void refusesASettingOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> resolved(Map.of("steps", 0)));
    assertThrows(IllegalArgumentException.class, () -> resolved(Map.of("messageLayers", 1)));
  }

  /** A suite's typo must stop the run, not train at the default it meant to change. */
  @Test
  void refusesAnUndeclaredSettingNamingTheDeclaredOnes() {
    IllegalArgumentException refusal =
        assertThrows(IllegalArgumentException.class, () -> Config.resolve(DECLARED, Map.of("step", 16)));
    assertTrue(refusal.getMessage().contains("'step'"), refusal.getMessage());
    assertTrue(refusal.getMessage().matches(".*\\bsteps\\b.*"), refusal.getMessage());
  }

  private static Settings resolved(Map<String, ?> given) {
    return RecurrentSettings.DECLARATIONS.read(Config.resolve(DECLARED, given));
  }
}
