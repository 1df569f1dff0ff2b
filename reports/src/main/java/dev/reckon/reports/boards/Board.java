package dev.reckon.reports.boards;

import dev.reckon.reports.measurements.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A leaderboard as a table: a name, a header and rows of values (numbers as doubles, absent
 * values as empty strings), already ranked.
 */
public record Board(String name, List<String> header, List<List<Object>> rows) {
  public Board {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  private static final MathContext CSV_DIGITS = new MathContext(15);

  /**
   * Writes {@code name}.csv in {@code directory}; numbers to 15 significant digits, all a double
   * holds, without the binary noise a difference leaves (0.11, not 0.10999999999999999).
   */
  public void writeCsv(Path directory) {
    Path file = directory.resolve(name + ".csv");
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (List<Object> row : rows) {
        printer.printRecord(row.stream().map(Board::csvCell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The board as a GitHub Markdown table, numbers rounded to three decimals and right-aligned; a
   * board without rows is a line saying so.
   */
  public String toMarkdown() {
    if (rows.isEmpty()) {
      return "_no rows in this run_\n";
    }
    StringBuilder table = new StringBuilder();
    table.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int column = 0; column < header.size(); column++) {
      table.append(numeric(column) ? " ---: |" : " --- |");
    }
    table.append('\n');
    for (List<Object> row : rows) {
      table.append("| ").append(row.stream().map(Numbers::text).collect(Collectors.joining(" | "))).append(" |\n");
    }
    return table.toString();
  }

  /**
   * The board as plain text for a terminal: columns padded to their widest value, numbers rounded
   * to three decimals and right-aligned.
   */
  public String toText() {
    List<List<String>> lines = new ArrayList<>();
    lines.add(header);
    rows.forEach(row -> lines.add(row.stream().map(Numbers::text).toList()));
    int[] widths = new int[header.size()];
    lines.forEach(line -> {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], line.get(column).length());
      }
    });
    StringBuilder text = new StringBuilder();
    for (List<String> line : lines) {
      for (int column = 0; column < widths.length; column++) {
        String value = line.get(column);
        String padding = " ".repeat(widths[column] - value.length());
        text.append(column == 0 ? "" : "  ").append(numeric(column) ? padding + value : value + padding);
      }
      text.append('\n');
    }
    return text.toString().replaceAll(" +\n", "\n");
  }

  /** Whether a column holds numbers, so that tables align it to the right. */
  public boolean numeric(int column) {
    return rows.stream().anyMatch(row -> row.get(column) instanceof Number);
  }

  private static Object csvCell(Object value) {
    return value instanceof Double number && Double.isFinite(number)
        ? new BigDecimal(number).round(CSV_DIGITS).stripTrailingZeros().toString() : value;
  }

  /** An empty cell for a value that was not measured. */
  public static Object optional(Double value) {
    return value == null ? "" : value;
  }
}
