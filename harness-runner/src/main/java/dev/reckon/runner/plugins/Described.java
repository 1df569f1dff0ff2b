package dev.reckon.runner.plugins;

import dev.reckon.api.Analysis;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import dev.reckon.api.TaskFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the runner reads of a task, model or analysis when it loads: version, description,
 * declared settings (and a model's iteration meaning and whether it learns) must be there, so that
 * {@code reckon list} and the planner never meet a null or an exception later.
 */
final class Described {
  private Described() {}

  static void check(Object item) {
    if (item instanceof TaskFactory task) {
      require("version", task.version());
      require("description", task.description());
      settings(task.settings());
    } else if (item instanceof ModelFactory model) {
      require("version", model.version());
      require("description", model.description());
      require("iteration meaning", model.iterationMeaning());
      model.learns();
      settings(model.settings());
    } else if (item instanceof Analysis analysis) {
      require("description", analysis.description());
    }
  }

  private static void require(String what, String value) {
    if (value == null) {
      throw new IllegalArgumentException("its " + what + " is null");
    }
  }

  private static void settings(List<Setting> settings) {
    Objects.requireNonNull(settings, "its settings are null");
    Set<String> names = new HashSet<>();
    for (Setting setting : settings) {
      if (setting == null || !names.add(setting.name())) {
        throw new IllegalArgumentException("its settings hold " + (setting == null ? "a null" : "'"
            + setting.name() + "' twice"));
      }
    }
  }
}
