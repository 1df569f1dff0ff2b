package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * One run of the quick suite for every test class that reads one: the suite takes minutes, and
 * several classes check what it wrote. Each caller gets a copy of the run directory of its own, so
 * what one writes into it (a report, a weakened copy) no other sees.
 */
final class QuickRun {
  private static Cli.Outcome outcome;
  private static Path run;

  private QuickRun() {}

  /** The outcome of {@code reckon run --suite quick}, run once a test JVM. */
  static synchronized Cli.Outcome outcome() {
    if (outcome == null) {
      try {
        Path out = Files.createTempDirectory("reckon-quick-run");
        outcome = Cli.reckon("run", "--suite", "quick", "--out", out.toString());
        assertEquals(0, outcome.status(), outcome::toString);
        run = RunFiles.onlyRun(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return outcome;
  }

  /** The run directory {@link #outcome()} printed; read it, never write to it. */
  static Path original() {
    outcome();
    return run;
  }

  /** A copy of the run directory in {@code parent}, under the run's own name. */
  static Path copyInto(Path parent) {
    Path source = original();
    Path copy = parent.resolve(source.getFileName());
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy;
  }
}
