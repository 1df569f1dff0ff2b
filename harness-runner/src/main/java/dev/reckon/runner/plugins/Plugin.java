package dev.reckon.runner.plugins;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded plugin: one jar, or one sub-directory of jars, with its own class loader.
 *
 * @param source the jar or directory it was loaded from
 * @param jars each jar with its sha256, for the run's manifest
 * @param loader its isolated class loader
 */
public record Plugin(Path source, List<Jar> jars, ClassLoader loader) {
  public Plugin {
    requireNonNull(source, "source is null");
    jars = List.copyOf(jars);
    requireNonNull(loader, "loader is null");
  }

  /** One jar file and its checksum. */
  public record Jar(Path path, String sha256) {}
}
