package dev.reckon.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A setting declared once gives the api's list, the checked values, the derived defaults and the JSON. */
class DeclarationsTest {
  private static final Declared<Integer> STEPS = Declared.integer("steps", 8, "T, the steps unrolled").positive();
  private static final Declared<Integer> MAX = Declared.integer("maxIterations", s -> 4 * s.get(STEPS),
      "the most steps at evaluation; default 4 x steps").positive();
  private static final Declared<Double> ALPHA = Declared.number("alpha", 0.5, "a weight").between(0, 1);
  private static final Declared<Boolean> READS = Declared.flag("readsValues", false, "whether it reads values");
  private static final Declarations DECLARED = Declarations.of(STEPS, MAX, ALPHA, READS);

  @Test
  void theApiListsEachSettingWithItsDefaultAndADerivedDefaultAsNone() {
    List<Setting> settings = DECLARED.settings();

    assertEquals(List.of("steps", "maxIterations", "alpha", "readsValues"),
        settings.stream().map(Setting::name).toList());
    assertEquals(8, settings.get(0).defaultValue());
    assertNull(settings.get(1).defaultValue());
    assertEquals(Setting.Type.NUMBER, settings.get(2).type());
    assertEquals("the most steps at evaluation; default 4 x steps", settings.get(1).description());
  }

  @Test
  void aDerivedDefaultFollowsTheSettingsBeforeIt() {
    Settings defaults = DECLARED.read(Config.empty());
    Settings sixteen = DECLARED.read(new Config(Map.of("steps", 16)));
    Settings set = DECLARED.read(new Config(Map.of("steps", 16, "maxIterations", 20)));

    assertEquals(32, defaults.get(MAX));
    assertEquals(64, sixteen.get(MAX));
    assertEquals(20, set.get(MAX));
    assertEquals(0.5, defaults.get(ALPHA));
    assertFalse(defaults.get(READS));
  }

  @Test
  void aValueOutsideItsRangeIsRefusedNamingTheSettingAndTheBound() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> DECLARED.read(new Config(Map.of("steps", 0))));
    IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
        () -> DECLARED.read(new Config(Map.of("alpha", 1.5))));
    IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
        () -> DECLARED.read(new Config(Map.of("alpha", Double.NaN))));
    IllegalArgumentException derived = assertThrows(IllegalArgumentException.class,
        () -> Declarations.of(Declared.integer("width", 4, "w"),
            Declared.integer("least", s -> s.get(Declared.integer("width", 4, "w")) - 10, "w - 10").positive())
            .read(Config.empty()));

    assertEquals("setting 'steps' is 0; expected a positive number", zero.getMessage());
    assertEquals("setting 'alpha' is 1.5; expected a number from 0 to 1", above.getMessage());
    assertEquals("setting 'alpha' is NaN; expected a finite number", notANumber.getMessage());
    assertEquals("setting 'least' is -6; expected a positive number", derived.getMessage());
  }

  @Test
  void aDefaultOutsideTheRangeIsRefusedWhereItIsDeclared() {
    assertThrows(IllegalArgumentException.class, () -> Declared.integer("layers", 1, "layers").atLeast(2));
    assertThrows(IllegalArgumentException.class, () -> ALPHA.withDefault(2.0));
  }

  @Test
  void theJsonOfACheckpointReadsBackToTheSameSettings() {
    Settings settings = DECLARED.read(new Config(Map.of("steps", 3, "alpha", 0.25, "readsValues", true)));

    String json = settings.toJson();

    assertEquals("{\n  \"steps\": 3,\n  \"maxIterations\": 12,\n  \"alpha\": 0.25,\n  \"readsValues\": true\n}\n", json);
    assertEquals(settings, DECLARED.fromJson(json));
  }

  @Test
  void aVariantReplacesADefaultInPlace() {
    Declarations variant = DECLARED.with(ALPHA.withDefault(0.0));

    assertEquals(0.0, variant.read(Config.empty()).get(ALPHA));
    assertEquals(List.of("steps", "maxIterations", "alpha", "readsValues"),
        variant.settings().stream().map(Setting::name).toList());
    assertThrows(IllegalArgumentException.class,
        () -> DECLARED.with(Declared.integer("unknown", 1, "not declared here")));
  }

  @Test
  void aNameDeclaredTwiceIsRefused() {
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> DECLARED.and(Declared.integer("steps", 2, "again")));

    assertEquals("setting 'steps' is declared twice", twice.getMessage());
  }

  @Test
  void aSettingNotDeclaredIsNotAmongTheSettings() {
    Settings settings = Declarations.of(STEPS).read(Config.empty());

    assertTrue(settings.has(STEPS));
    assertFalse(settings.has(ALPHA));
    assertThrows(IllegalArgumentException.class, () -> settings.get(ALPHA));
  }

  @Test
  void flatJsonKeepsTextAndRefusesAQuote() {
    Config read = FlatJson.read(FlatJson.write(Map.of("groups", "0 1,2 3")));

    assertEquals("0 1,2 3", read.getString("groups"));
    assertThrows(IllegalArgumentException.class, () -> FlatJson.write(Map.of("name", "a\"b")));
  }
}
