package dev.reckon.plugins.rrn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reckon.api.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RrnSettingsTest {
  @Test
  void defaultsAreTheCpuScale() {
    RrnSettings settings = RrnSettings.from(Config.empty());
    assertEquals(64, settings.hidden());
    assertEquals(8, settings.steps());
    assertEquals(32, settings.maxEvalIterations());
    assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32}, settings.readoutIterations());
  }

  @Test
  void readsOutAtOneTTwoTAndFourTWhateverT() {
    RrnSettings settings = RrnSettings.from(new Config(Map.of("steps", 5)));
    assertArrayEquals(new int[] {1, 2, 4, 5, 8, 10, 16, 20}, settings.readoutIterations());
  }

  @Test
  void jsonRoundTrips() {
    RrnSettings settings = RrnSettings.from(new Config(Map.of("hidden", 96, "learningRate", 1e-4, "steps", 12)));
    assertEquals(settings, RrnSettings.fromJson(settings.toJson()));
  }

  @Test
  void refusesASettingOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> RrnSettings.from(new Config(Map.of("steps", 0))));
    assertThrows(IllegalArgumentException.class, () -> RrnSettings.from(new Config(Map.of("messageLayers", 1))));
  }
}
