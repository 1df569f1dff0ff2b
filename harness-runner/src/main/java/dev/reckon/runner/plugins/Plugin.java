package dev.reckon.runner.plugins;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A plugin as files: one jar, or one sub-directory of jars, each with the sha256 the runner read
 * ({@link PluginFiles}). The runner knows a plugin by these and by what discovery's process said
 * of it ({@link PluginCatalog}); only child processes give it a class loader ({@link PluginLoader}).
 *
 * @param source the jar or directory it was found as
 * @param jars each jar with its sha256, for the run's manifest, the lock and the copies
 */
public record Plugin(Path source, List<Jar> jars) {
  public Plugin {
    requireNonNull(source, "source is null");
    jars = List.copyOf(jars);
  }

  /** One jar file and its checksum. */
  public record Jar(Path path, String sha256) {}
}
