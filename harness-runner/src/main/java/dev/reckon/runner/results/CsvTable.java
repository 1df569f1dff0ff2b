package dev.reckon.runner.results;

import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunFormat.Table;
import dev.reckon.reports.format.TableRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of the run directory that grows by whole cells: rows are appended and flushed
 * together, so a run killed at any moment leaves complete rows behind. Rows are written and copied
 * by column name, never by position.
 */
final class CsvTable {
  private final Table table;
  private final Path file;

  private CsvTable(Table table, Path file) {
    this.table = table;
    this.file = file;
  }

  /** The table {@code table} of the run directory {@code runDirectory}. */
  static CsvTable of(Table table, Path runDirectory) {
    return new CsvTable(table, table.in(runDirectory));
  }

  /**
   * Appends {@code rows} in one write, forced to the disk before it returns: a cell's rows arrive
   * whole, or (power lost mid-write) as a torn tail that {@link #dropTornTail} removes on resume.
   *
   * @throws IllegalArgumentException for a row of another table
   */
  void append(List<TableRow> rows) {
    try {
      StringBuilder text = new StringBuilder();
      try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
        if (!Files.exists(file) || Files.size(file) == 0) {
          printer.printRecord(table.header());
        }
        for (TableRow row : rows) {
          if (row.table() != table) {
            throw new IllegalArgumentException("a row of " + row.table().file() + " cannot go into " + file);
          }
          printer.printRecord(row.values());
        }
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  /**
   * The start of a row that a write cut short, as {@link #dropTornTail} found it: its length and
   * the fields it got to, the last of them perhaps cut.
   */
  record TornLine(long bytes, List<String> fields) {}

  /**
   * Cuts the file back to its last complete line: what a write cut short (power lost, disk full)
   * leaves after it. Every line the runner writes ends with a line break, and no field holds one.
   *
   * @return the line dropped; empty for an intact file
   */
  Optional<TornLine> dropTornTail() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      long end = wholeLines(channel);
      if (end == size) {
        return Optional.empty();
      }
      ByteBuffer torn = ByteBuffer.allocate(Math.toIntExact(size - end));
      while (torn.hasRemaining() && channel.read(torn, end + torn.position()) >= 0) {
        // reads the torn line whole
      }
      channel.truncate(end);
      channel.force(false);
      return Optional.of(new TornLine(size - end, fields(new String(torn.array(), StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot repair " + file, e);
    }
  }

  /** The length of the file's complete lines: up to its last line break. */
  private static long wholeLines(FileChannel channel) throws IOException {
    long end = channel.size();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (end > 0) {
      one.clear();
      channel.read(one, end - 1);
      if (one.get(0) == '\n') {
        break;
      }
      end--;
    }
    return end;
  }

  /** The fields of a line cut short, the last as far as it got (a quoted one is closed for it). */
  private static List<String> fields(String torn) {
    for (String line : List.of(torn, torn + '"')) {
      try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(line))) {
        List<CSVRecord> records = parser.getRecords();
        return records.isEmpty() ? List.of() : records.get(0).toList();
      } catch (IOException | UncheckedIOException e) {
        // cut inside a quoted field: the second try closes it
      }
    }
    return List.of();
  }

  Table table() {
    return table;
  }

  Path file() {
    return file;
  }

  /**
   * The rows, each with every field its header names.
   *
   * @throws IllegalArgumentException naming the file and the line, for a table that ends in a torn
   *     line (resume repairs it) or holds a row of another length
   */
  List<CSVRecord> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    // the header is line 1, and no field holds a line break
    if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
      throw new IllegalArgumentException(file + " line " + text.lines().count() + " is torn: the file ends in the "
          + "middle of it (a write cut short); reckon run --resume " + file.getParent() + " repairs it");
    }
    List<CSVRecord> rows;
    int columns;
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(text))) {
      columns = parser.getHeaderNames().size();
      rows = parser.getRecords();
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getCause().getMessage(), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns) {
        throw new IllegalArgumentException(file + " line " + (i + 2) + " has " + rows.get(i).size() + " fields, not "
            + "the " + columns + " its header names: a row cut short or run into another");
      }
    }
    return rows;
  }

  /**
   * A row read back, for writing again: each column's value by its name, empty where the record
   * has none (a table begun by an earlier version, before the column was added).
   */
  TableRow copy(CSVRecord record) {
    TableRow row = new TableRow(table);
    for (Column column : table.columns()) {
      row.set(column, record.isSet(column.id()) ? record.get(column.id()) : "");
    }
    return row;
  }

  /** Rewrites the file with only the rows that {@code keep} accepts. */
  void retain(Predicate<CSVRecord> keep) {
    if (Files.exists(file)) {
      rewrite(read().stream().filter(keep).toList());
    }
  }

  /**
   * Rewrites a table begun by an earlier version of the format under this version's header, the
   * columns added since empty, so that rows appended now line up with it.
   */
  void upgrade() {
    if (!Files.exists(file)) {
      return;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header != null && !header.equals(String.join(",", table.header()))) {
        rewrite(read());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Rewrites the file with its rows sorted by {@code order}; rows it ranks equal keep their order. */
  void sort(Comparator<CSVRecord> order) {
    if (Files.exists(file)) {
      rewrite(read().stream().sorted(order).toList());
    }
  }

  /** Replaces the rows atomically, via a temporary file beside this one. */
  private void rewrite(List<CSVRecord> rows) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(temporary);
      // writes the header even when no row is left
      new CsvTable(table, temporary).append(rows.stream().map(this::copy).toList());
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file, e);
    }
  }
}
