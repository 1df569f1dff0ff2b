package dev.reckon.tasks.sudoku;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Published puzzles in the common one-line format: N*N characters a puzzle, digits for givens and
 * {@code .} or {@code 0} for blanks. Blank lines and lines starting with {@code #} are skipped.
 * Every puzzle read is solved; one without exactly one solution is refused, naming its line.
 *
 * <p>The file is UTF-8 (a leading byte order mark is skipped, as Windows editors write one) and is
 * streamed: only the puzzles asked for are read, parsed and kept, so a file of millions of puzzles
 * costs the memory of the few used, and nothing after them is looked at. A line is kept up to
 * {@value #LONGEST_LINE} bytes; a longer one is measured, not stored.
 */
final class PuzzleFile {
  /** Bytes of a line kept: a puzzle line is at most 81 characters; a longer line is refused (or skipped, a comment). */
  static final int LONGEST_LINE = 4096;

  /** Bytes of a comment line read before it is refused as well: a file is text, not a stream without end. */
  static final long LONGEST_COMMENT = 1 << 20;

  private PuzzleFile() {}

  /**
   * The first {@code limit} puzzles of {@code file} (all of them when it holds fewer); the file is
   * not read beyond them.
   *
   * @return {@code [puzzle][0]} the givens, {@code [puzzle][1]} the solution
   * @throws IllegalArgumentException naming the file and, for a malformed line, the line and the
   *     reason: a file that does not exist or cannot be read, a line that is not UTF-8 or not a
   *     puzzle, a puzzle without exactly one solution, a file without puzzles
   */
  static List<int[][]> read(Path file, SudokuShape shape, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("asked for " + limit + " puzzles of " + file + "; at least 1 is needed");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("puzzle file " + file + " is a directory, not a file");
    }
    SudokuSolver solver = new SudokuSolver(shape);
    List<int[][]> puzzles = new ArrayList<>(Math.min(limit, 1024));
    try (Lines lines = Lines.open(file)) {
      for (String line = lines.next(); line != null; line = puzzles.size() < limit ? lines.next() : null) {
        if (lines.overlong()) {
          if (!line.strip().startsWith("#")) {
            throw new IllegalArgumentException(lines.where() + "the line is longer than " + LONGEST_LINE
                + " bytes; expected " + shape.cells() + " characters for a " + shape.side() + "x" + shape.side()
                + " puzzle");
          }
          continue;
        }
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        int[] givens = parse(text, shape, lines.where());
        int solutions = solver.countSolutions(givens, 2);
        if (solutions != 1) {
          throw new IllegalArgumentException(lines.where() + (solutions == 0 ? "the puzzle has no solution"
              : "the puzzle has more than one solution"));
        }
        puzzles.add(new int[][] {givens, solver.solve(givens)});
      }
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
    if (puzzles.isEmpty()) {
      throw new IllegalArgumentException("puzzle file " + file + " holds no puzzle");
    }
    return puzzles;
  }

  private static int[] parse(String line, SudokuShape shape, String where) {
    int cells = shape.cells();
    if (line.length() != cells) {
      throw new IllegalArgumentException(where + "expected " + cells + " characters for a " + shape.side() + "x"
          + shape.side() + " puzzle, found " + line.codePointCount(0, line.length()));
    }
    int[] givens = new int[cells];
    for (int cell = 0; cell < cells; cell++) {
      char c = line.charAt(cell);
      if (c == '.' || c == '0') {
        continue;
      }
      int label = c - '0';
      if (label < 1 || label > shape.side()) {
        throw new IllegalArgumentException(where + "character " + (cell + 1) + " is '" + c + "'; expected 1-"
            + shape.side() + ", '.' or '0'");
      }
      givens[cell] = label;
    }
    return givens;
  }

  private static IllegalArgumentException cannotRead(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new IllegalArgumentException("puzzle file " + file + " does not exist", e);
    }
    if (e instanceof AccessDeniedException) {
      return new IllegalArgumentException("puzzle file " + file + " cannot be read: permission denied", e);
    }
    return new IllegalArgumentException("cannot read puzzle file " + file + ": " + e.getClass().getSimpleName()
        + (e.getMessage() == null || e.getMessage().equals(file.toString()) ? "" : " " + e.getMessage()), e);
  }

  /** The file's lines, one at a time, decoded strictly as UTF-8 each, numbered from 1. */
  private static final class Lines implements Closeable {
    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] line = new byte[LONGEST_LINE + 1];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int end;
    private int number;
    private boolean overlong;

    private Lines(Path file, InputStream in) {
      this.file = file;
      this.in = in;
    }

    static Lines open(Path file) throws IOException {
      return new Lines(file, Files.newInputStream(file));
    }

    /** The next line without its line end, or null at the end of the file. */
    String next() throws IOException {
      int kept = 0;
      long length = 0;
      boolean any = false;
      while (true) {
        if (position == end) {
          end = in.read(buffer);
          position = 0;
          if (end <= 0) {
            end = 0;
            break;
          }
        }
        any = true;
        byte b = buffer[position++];
        if (b == '\n') {
          break;
        }
        if (kept < line.length) {
          line[kept++] = b;
        }
        length++;
        // A line past the longest kept is refused unless it is a comment, so stop reading it at once:
        // a file without line ends (a device such as /dev/zero) would otherwise be read for ever.
        boolean refused = length == LONGEST_LINE + 1 && firstVisible(kept, number == 0) != '#';
        if (refused || length > LONGEST_COMMENT) {
          break;
        }
      }
      if (!any) {
        return null;
      }
      number++;
      overlong = length > LONGEST_LINE;
      int from = byteOrderMark(kept, number == 1);
      if (!overlong && kept > from && line[kept - 1] == '\r') {
        kept--;
      }
      if (overlong) {
        // Only whether it is a comment matters: its first visible byte.
        return firstVisible(kept, number == 1) == '#' && length <= LONGEST_COMMENT ? "#" : "?";
      }
      return decode(from, kept);
    }

    /** The length of the UTF-8 byte order mark the first line of the file may start with: 3 or 0. */
    private int byteOrderMark(int kept, boolean firstLine) {
      return firstLine && kept >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
          && (line[2] & 0xff) == 0xBF ? 3 : 0;
    }

    /** The first byte of the line kept that is not a blank (after a byte order mark), or 0. */
    private byte firstVisible(int kept, boolean firstLine) {
      int first = byteOrderMark(kept, firstLine);
      while (first < kept && (line[first] == ' ' || line[first] == '\t')) {
        first++;
      }
      return first < kept ? line[first] : 0;
    }

    private String decode(int from, int to) {
      ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
      try {
        CharBuffer chars = decoder.reset().decode(bytes);
        return chars.toString();
      } catch (CharacterCodingException e) {
        int at = findMalformed(from, to);
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%sthe line is not UTF-8 text (byte 0x%02X at "
            + "byte %d of the line); save the file as UTF-8", where(), line[at] & 0xff, at - from + 1), e);
      }
    }

    /** The first byte at which the UTF-8 decoding of {@code line[from, to)} fails. */
    private int findMalformed(int from, int to) {
      ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
      CharBuffer out = CharBuffer.allocate(to - from);
      decoder.reset().decode(bytes, out, true);
      return Math.min(bytes.position(), to - 1);
    }

    boolean overlong() {
      return overlong;
    }

    /** E.g. {@code puzzles.txt line 3: }. */
    String where() {
      return file + " line " + number + ": ";
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
