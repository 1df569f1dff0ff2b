package dev.reckon.runner.plugins;

import dev.reckon.api.Setting;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of what the runner reads of a task, model or analysis: version, description, declared
 * settings (and a model's iteration meaning) must be there, so that {@code reckon list} and the
 * planner never meet a null later. The descriptions check them when made, in discovery's process
 * from the factories and in the runner from that process's answer alike.
 */
final class Described {
  private Described() {}

  static String require(String what, String value) {
    if (value == null) {
      throw new IllegalArgumentException("its " + what + " is null");
    }
    return value;
  }

  static List<Setting> settings(List<Setting> settings) {
    Objects.requireNonNull(settings, "its settings are null");
    Set<String> names = new HashSet<>();
    for (Setting setting : settings) {
      if (setting == null || !names.add(setting.name())) {
        throw new IllegalArgumentException("its settings hold " + (setting == null ? "a null" : "'"
            + setting.name() + "' twice"));
      }
    }
    return List.copyOf(settings);
  }
}
