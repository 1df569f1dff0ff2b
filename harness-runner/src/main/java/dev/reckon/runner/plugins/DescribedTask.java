package dev.reckon.runner.plugins;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Setting;
import dev.reckon.tck.SafeNames;
import java.nio.file.Path;
import java.util.List;

/**
 * A task as discovery's process read it from its factory, once: all the runner lists and plans
 * with before a task is made.
 *
 * @param plugin the source of the plugin that offers it
 */
public record DescribedTask(String id, String version, String description, List<Setting> settings, Path plugin) {
  public DescribedTask {
    SafeNames.require("task id", id);
    Described.require("version", version);
    Described.require("description", description);
    settings = Described.settings(settings);
    requireNonNull(plugin, "plugin is null");
  }
}
