package dev.reckon.runner;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

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

  /**
   * What {@code reading} reads from run directories; a directory that is not a run, a malformed
   * table or an unreadable file is a usage error of one sentence.
   */
  static <T> T read(Supplier<T> reading) {
    try {
      return reading.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UsageException(Errors.ioFailure(e), e);
    }
  }
}
