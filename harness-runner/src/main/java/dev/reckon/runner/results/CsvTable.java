package dev.reckon.runner.results;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of the run directory that grows by whole cells: rows are appended and flushed
 * together, so a run killed at any moment leaves complete rows behind.
 */
final class CsvTable {
  private final Path file;
  private final String[] header;

  CsvTable(Path file, String... header) {
    this.file = file;
    this.header = header.clone();
  }

  void append(List<List<Object>> rows) {
    try {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
          CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
        if (fresh) {
          printer.printRecord((Object[]) header);
        }
        for (List<Object> row : rows) {
          printer.printRecord(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  List<CSVRecord> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Rewrites the file with only the rows that {@code keep} accepts (atomically, via a temp file). */
  void retain(Predicate<CSVRecord> keep) {
    if (!Files.exists(file)) {
      return;
    }
    List<List<Object>> kept = new ArrayList<>();
    for (CSVRecord row : read()) {
      if (keep.test(row)) {
        kept.add(new ArrayList<>(row.toList()));
      }
    }
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(temporary);
      new CsvTable(temporary, header).append(kept); // writes the header even when nothing is kept
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file, e);
    }
  }
}
