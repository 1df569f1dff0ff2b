package dev.reckon.plugins.trm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.kit.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrmSettingsTest {
  @Test
  void evaluationRunsFourTimesTheTrainedSupervisionStepsUnlessTold() {
    assertEquals(16, resolved(Map.of()).get(TrmSettings.MAX_SUPERVISION));
    assertEquals(24, resolved(Map.of("supervisionSteps", 6)).get(TrmSettings.MAX_SUPERVISION));
    assertEquals(7, resolved(Map.of("supervisionSteps", 6, "maxSupervision", 7)).get(TrmSettings.MAX_SUPERVISION));
  }

  @Test
  void jsonRoundTrips() {
    Settings settings = resolved(Map.of("hidden", 512, "expansion", 3, "latentSteps", 6, "recursions", 3,
        "supervisionSteps", 16, "learningRate", 1e-4, "weightDecay", 1.0));
    assertEquals(settings, TrmSettings.DECLARATIONS.fromJson(settings.toJson()));
  }

  @Test
  void refusesASettingOutOfRangeNamingIt() {
    IllegalArgumentException refusal =
        assertThrows(IllegalArgumentException.class, () -> resolved(Map.of("recursions", 0)));
    assertTrue(refusal.getMessage().contains("'recursions'"), refusal.getMessage());
    assertThrows(IllegalArgumentException.class, () -> resolved(Map.of("weightDecay", -0.1)));
  }

  private static Settings resolved(Map<String, ?> given) {
    return TrmSettings.DECLARATIONS.read(Config.resolve(TrmSettings.DECLARATIONS.settings(), given));
  }
}
