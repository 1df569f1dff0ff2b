package dev.reckon.runner.plugins;

import dev.reckon.runner.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where plugins are looked for: the distribution's own {@code plugins/} folder (which holds the
 * built-in tasks and models), then each {@code --plugins} directory in the order given.
 *
 * @param distribution the distribution's plugins folder, when running from one
 */
public record PluginDirectories(Optional<Path> distribution) {
  public List<Path> with(List<Path> extra) {
    List<Path> directories = new ArrayList<>();
    distribution.filter(Files::isDirectory).ifPresent(directories::add);
    for (Path directory : extra) {
      if (!Files.isDirectory(directory)) {
        throw new UsageException("plugin directory " + directory + " does not exist or is not a directory");
      }
      directories.add(directory);
    }
    return directories;
  }
}
