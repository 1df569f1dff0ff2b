package dev.reckon.runner.plugins;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Setting;
import dev.reckon.tck.SafeNames;
import java.nio.file.Path;
import java.util.List;

/**
 * A model variant as discovery's process read it from its factory, once: all the runner lists and
 * plans with ({@link dev.reckon.api.ModelFactory}'s metadata).
 *
 * @param plugin the source of the plugin that offers it
 */
public record DescribedModel(String id, String version, String description, List<Setting> settings,
    String iterationMeaning, boolean learns, boolean usesReferenceSolver, Path plugin) {
  public DescribedModel {
    SafeNames.require("model id", id);
    Described.require("version", version);
    Described.require("description", description);
    Described.require("iteration meaning", iterationMeaning);
    settings = Described.settings(settings);
    requireNonNull(plugin, "plugin is null");
  }
}
