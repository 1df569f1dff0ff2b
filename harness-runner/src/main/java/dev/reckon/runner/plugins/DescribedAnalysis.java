package dev.reckon.runner.plugins;

import static java.util.Objects.requireNonNull;

import dev.reckon.tck.SafeNames;
import java.nio.file.Path;

/**
 * An analysis as discovery's process read it, for {@code reckon list}.
 *
 * @param plugin the source of the plugin that offers it
 */
public record DescribedAnalysis(String id, String description, Path plugin) {
  public DescribedAnalysis {
    SafeNames.require("analysis id", id);
    Described.require("description", description);
    requireNonNull(plugin, "plugin is null");
  }
}
