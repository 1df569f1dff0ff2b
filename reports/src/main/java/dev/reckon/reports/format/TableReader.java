package dev.reckon.reports.format;

import dev.reckon.reports.format.RunFormat.Column;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV table of a run directory (results.csv, cells.csv, training.csv), read strictly: UTF-8 (a
 * leading byte order mark is skipped), a header holding the columns the reader needs, every line
 * as many values as the header, a number where a number belongs. Anything else is an {@link
 * IllegalArgumentException} naming the file, the line and the column, never a stack trace of the
 * CSV library or of {@code Double.parseDouble}. A file of no bytes at all reads as a table without
 * rows.
 */
final class TableReader {
  private static final Pattern LIBRARY_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)\\s*");

  private TableReader() {}

  /** One line of a table, with where it is, for messages. */
  static final class Row {
    private final Path file;
    private final int line;
    private final CSVRecord record;
    private final Map<String, Integer> header;

    private Row(Path file, int line, CSVRecord record, Map<String, Integer> header) {
      this.file = file;
      this.line = line;
      this.record = record;
      this.header = header;
    }

    int line() {
      return line;
    }

    Path file() {
      return file;
    }

    /** A value that may not be empty, e.g. a model id. */
    String text(Column column) {
      String value = record.get(column.id());
      if (value.isEmpty()) {
        throw error(column, "is empty");
      }
      return value;
    }

    /** A value that may be empty, or a column that may be absent (written by later versions only). */
    String optional(Column column) {
      return header.containsKey(column.id()) ? record.get(column.id()) : "";
    }

    double decimal(Column column) {
      String value = record.get(column.id());
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw error(column, quoted(value) + " is not a number");
      }
    }

    /** A decimal, or {@code empty} when the value is empty or the column absent. */
    double decimal(Column column, double empty) {
      return optional(column).isEmpty() ? empty : decimal(column);
    }

    long whole(Column column) {
      String value = record.get(column.id());
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw error(column, quoted(value) + " is not a whole number");
      }
    }

    int smallWhole(Column column) {
      long value = whole(column);
      if (value != (int) value) {
        throw error(column, value + " is out of range");
      }
      return (int) value;
    }

    /** A whole number, or {@code empty} when the value is empty or the column absent. */
    int smallWhole(Column column, int empty) {
      return optional(column).isEmpty() ? empty : smallWhole(column);
    }

    /** E.g. {@code runs/x/results.csv line 5 column 'value' (9): 'abc' is not a number}. */
    IllegalArgumentException error(Column column, String what) {
      return new IllegalArgumentException(file + " line " + line + " column '" + column.id() + "' ("
          + (header.get(column.id()) + 1) + "): " + what);
    }

    private static String quoted(String value) {
      return "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
    }
  }

  /**
   * The rows of {@code file} through {@code row}, or none when the file does not exist or is empty.
   *
   * @param required the columns the header must name
   * @throws IllegalArgumentException naming the file, the line and, where it applies, the column
   */
  static <T> List<T> read(Path file, List<Column> required, Function<Row, T> row) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (bytes.length == 0) {
      return List.of();
    }
    String text = decode(file, bytes);
    int[] lineStarts = lineStarts(text);
    List<T> rows = new ArrayList<>();
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(text))) {
      Map<String, Integer> header = parser.getHeaderMap();
      List<String> names = required.stream().map(Column::id).toList();
      List<String> lacking = names.stream().filter(column -> !header.containsKey(column)).toList();
      if (!lacking.isEmpty()) {
        throw new IllegalArgumentException(file + " line 1 is not the header of a table Reckon wrote: it lacks "
            + (lacking.size() == 1 ? "the column " : "the columns ") + String.join(", ", lacking)
            + "; it should name " + String.join(", ", names));
      }
      for (CSVRecord record : parser) {
        int line = line(lineStarts, record.getCharacterPosition());
        if (record.size() != header.size()) {
          boolean last = !text.endsWith("\n") && line == lineStarts.length;
          throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d has %d value%s where the header "
                  + "has %d columns%s", file, line, record.size(), record.size() == 1 ? "" : "s", header.size(),
              last ? ": the file ends inside it, a write cut short" : ": a line cut short or with values added"));
        }
        rows.add(row.apply(new Row(file, line, record, header)));
      }
    } catch (UncheckedIOException | IOException e) {
      throw malformed(file, e instanceof UncheckedIOException u ? u.getCause() : e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
        throw e;
      }
      throw new IllegalArgumentException(file + " line 1 is not the header of a table Reckon wrote: "
          + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw malformed(file, e);
    }
    return rows;
  }

  /** Strict UTF-8: the first byte that is not UTF-8 is named with its line. */
  private static String decode(Path file, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d is not UTF-8 text (byte 0x%02X at "
          + "byte %d of the line): not a table Reckon wrote", file, line, bytes[at] & 0xff, at - lineStart + 1));
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Where each line of {@code text} starts. */
  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' && i + 1 < text.length()) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** The 1-based line holding character {@code position}. */
  private static int line(int[] lineStarts, long position) {
    int found = Arrays.binarySearch(lineStarts, (int) position);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** A CSV syntax error (an unclosed quote, a character after a closing quote), with the line it names. */
  private static IllegalArgumentException malformed(Path file, Throwable error) {
    String message = String.valueOf(error.getMessage());
    Matcher line = LIBRARY_LINE.matcher(message);
    if (line.find()) {
      return new IllegalArgumentException(file + " line " + line.group(1) + " is not CSV as Reckon writes it: "
          + line.replaceFirst("").strip(), error);
    }
    return new IllegalArgumentException(file + " is not CSV as Reckon writes it: " + message, error);
  }
}
