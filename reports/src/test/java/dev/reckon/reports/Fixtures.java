package dev.reckon.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The hand-made run directories of src/test/resources/runs (files in the runner's formats):
 * {@code sudoku-rrn}, a recurrent and a DEQ graph network and chance on 4x4 sudoku, with training
 * curves; {@code set-27}, seven contrastive variants and a cross-encoder on the six 27-card games.
 */
final class Fixtures {
  static final String SUDOKU = "sudoku-rrn";
  static final String SET = "set-27";

  private Fixtures() {}

  /** A copy of fixture {@code name} in {@code parent}, free to be changed by the test. */
  static Path copy(String name, Path parent) {
    try {
      Path source = Path.of(Fixtures.class.getResource("/runs/" + name).toURI());
      Path target = parent.resolve(name);
      Files.createDirectories(target);
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.toList()) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static RunResults read(String name, Path parent) {
    return RunResults.read(copy(name, parent));
  }

  /** Rewrites every row of results.csv through {@code change}; a null return drops the row. */
  static void rewriteResults(Path run, UnaryOperator<Map<String, String>> change) {
    Path file = run.resolve("results.csv");
    List<String> header;
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
      header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        Map<String, String> row = change.apply(new LinkedHashMap<>(record.toMap()));
        if (row != null) {
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Writer writer = Files.newBufferedWriter(file);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (Map<String, String> row : rows) {
        printer.printRecord(header.stream().map(row::get).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves every value of a model's metric (a fraction) by {@code delta}: a model made better or worse. */
  static void shiftModel(Path run, String model, String metric, double delta) {
    rewriteResults(run, r -> r.get("model").equals(model) && r.get("metric").equals(metric) ? shift(r, delta, true)
        : r);
  }

  /** Moves a row's value and its interval by {@code delta}, kept within [0, 1] for fractions. */
  static Map<String, String> shift(Map<String, String> row, double delta, boolean fraction) {
    for (String column : List.of("value", "ci_low", "ci_high")) {
      double moved = Double.parseDouble(row.get(column)) + delta;
      row.put(column, String.valueOf(fraction ? Math.max(0, Math.min(1, moved)) : moved));
    }
    return row;
  }
}
