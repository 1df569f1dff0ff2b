package dev.reckon.tasks.sudoku;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Published puzzles in the common one-line format: N*N characters a puzzle, digits for givens and
 * {@code .} or {@code 0} for blanks. Blank lines and lines starting with {@code #} are skipped.
 * Every puzzle is solved on loading; one without exactly one solution is refused, naming its line.
 */
final class PuzzleFile {
  private PuzzleFile() {}

  /**
   * The puzzles of {@code file}.
   *
   * @return {@code [puzzle][0]} the givens, {@code [puzzle][1]} the solution
   * @throws IllegalArgumentException naming the file, the line and the reason
   */
  static List<int[][]> read(Path file, SudokuShape shape) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read puzzle file " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("puzzle file " + file + " is not UTF-8 text", e);
    }
    SudokuSolver solver = new SudokuSolver(shape);
    List<int[][]> puzzles = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + " line " + (i + 1) + ": ";
      int[] givens = parse(line, shape, where);
      int solutions = solver.countSolutions(givens, 2);
      if (solutions != 1) {
        throw new IllegalArgumentException(where + (solutions == 0 ? "the puzzle has no solution"
            : "the puzzle has more than one solution"));
      }
      puzzles.add(new int[][] {givens, solver.solve(givens)});
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
          + shape.side() + " puzzle, found " + line.length());
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
}
