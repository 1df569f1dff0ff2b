package dev.reckon.plugins.rrn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import dev.reckon.graphnets.RecurrentSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecurrentSettingsTest {
  private static final List<Setting> DECLARED = new RrnModelFactory().settings();

  @Test
  void defaultsAreTheCpuScale() {
    RecurrentSettings settings = resolved(Map.of());
    assertEquals(64, settings.hidden());
    assertEquals(64, settings.messageWidth());
    assertEquals(8, settings.steps());
    assertEquals(0.002 / 20, settings.finalLearningRate());
    assertEquals(32, settings.maxEvalIterations());
    assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32}, settings.readoutIterations());
  }

  @Test
  void derivedDefaultsFollowTheSettingsTheyDeriveFrom() {
    RecurrentSettings settings = resolved(Map.of("hidden", 96, "learningRate", 0.01));
    assertEquals(96, settings.messageWidth());
    assertEquals(0.01 / 20, settings.finalLearningRate());
  }

  @Test
  void readsOutAtOneTTwoTAndFourTWhateverT() {
    RecurrentSettings settings = resolved(Map.of("steps", 5));
    assertArrayEquals(new int[] {1, 2, 4, 5, 8, 10, 16, 20}, settings.readoutIterations());
  }

  @Test
  void jsonRoundTrips() {
    RecurrentSettings settings = resolved(Map.of("hidden", 96, "learningRate", 1e-4, "steps", 12));
    assertEquals(settings, RecurrentSettings.fromJson(settings.toJson()));
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

  private static RecurrentSettings resolved(Map<String, ?> given) {
    return RecurrentSettings.from(Config.resolve(DECLARED, given));
  }
}
