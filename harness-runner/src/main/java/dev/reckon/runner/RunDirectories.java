package dev.reckon.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The check every command that reads run directories makes first, so that a typo is one plain sentence. */
final class RunDirectories {
  private RunDirectories() {}

  static void requireExisting(List<Path> directories) {
    for (Path directory : directories) {
      if (!Files.isDirectory(directory)) {
        throw new UsageException("no run directory " + directory + ": it does not exist or is not a directory");
      }
    }
  }
}
