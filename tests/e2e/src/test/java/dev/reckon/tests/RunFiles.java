package dev.reckon.tests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads what a run wrote. */
final class RunFiles {
  private RunFiles() {}

  static List<Map<String, String>> csv(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).stream()
          .map(CSVRecord::toMap).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The only run directory under {@code out}. */
  static Path onlyRun(Path out) {
    try (Stream<Path> runs = Files.list(out)) {
      List<Path> all = runs.toList();
      if (all.size() != 1) {
        throw new IllegalStateException("expected one run directory in " + out + ", found " + all);
      }
      return all.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of {@code metric} for one model, task, eval level and iteration count. */
  static double value(List<Map<String, String>> results, String model, String task, String level, String metric,
      int iterations) {
    return results.stream()
        .filter(r -> r.get("model").equals(model) && r.get("task").equals(task) && r.get("eval_level").equals(level)
            && r.get("metric").equals(metric) && Integer.parseInt(r.get("iterations")) == iterations)
        .mapToDouble(r -> Double.parseDouble(r.get("value")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + model + " on " + level + " at " + iterations));
  }
}
