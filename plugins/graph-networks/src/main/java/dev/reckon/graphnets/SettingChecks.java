package dev.reckon.graphnets;

/** The checks of a graph model's settings, each failing with the setting's name, value and bound. */
public final class SettingChecks {
  private SettingChecks() {}

  public static void positive(String name, int value) {
    if (value <= 0) {
      throw invalid(name, value, "a positive number");
    }
  }

  public static void positive(String name, double value) {
    if (!(value > 0)) {
      throw invalid(name, value, "a positive number");
    }
  }

  public static void notNegative(String name, int value) {
    if (value < 0) {
      throw invalid(name, value, "0 or more");
    }
  }

  public static void notNegative(String name, double value) {
    if (!(value >= 0)) {
      throw invalid(name, value, "0 or more");
    }
  }

  public static void atLeast(String name, int value, int least) {
    if (value < least) {
      throw invalid(name, value, "at least " + least);
    }
  }

  private static IllegalArgumentException invalid(String name, Object value, String expected) {
    return new IllegalArgumentException("setting '" + name + "' is " + value + "; expected " + expected);
  }
}
