package dev.reckon.tasks.sudoku;

import dev.reckon.api.ConstraintGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a Sudoku grid of side {@code boxRows * boxCols}: cells numbered row-major, and
 * the all-different groups (rows, columns, boxes) that make its constraint graph.
 */
record SudokuShape(int boxRows, int boxCols) {
  SudokuShape {
    if (boxRows < 1 || boxCols < 1 || boxRows * boxCols > 16) {
      throw new IllegalArgumentException("boxes of " + boxRows + "x" + boxCols + " are not supported");
    }
  }

  static SudokuShape ofSide(int side) {
    return switch (side) {
      case 4 -> new SudokuShape(2, 2);
      case 6 -> new SudokuShape(2, 3);
      case 9 -> new SudokuShape(3, 3);
      default -> throw new IllegalArgumentException("no Sudoku of side " + side + "; sides are 4, 6 and 9");
    };
  }

  int side() {
    return boxRows * boxCols;
  }

  int cells() {
    return side() * side();
  }

  /** Rows, then columns, then boxes; each a list of cell indices. */
  List<int[]> groups() {
    int n = side();
    List<int[]> groups = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      int[] row = new int[n];
      for (int c = 0; c < n; c++) {
        row[c] = r * n + c;
      }
      groups.add(row);
    }
    for (int c = 0; c < n; c++) {
      int[] column = new int[n];
      for (int r = 0; r < n; r++) {
        column[r] = r * n + c;
      }
      groups.add(column);
    }
    for (int top = 0; top < n; top += boxRows) {
      for (int left = 0; left < n; left += boxCols) {
        int[] box = new int[n];
        int i = 0;
        for (int r = top; r < top + boxRows; r++) {
          for (int c = left; c < left + boxCols; c++) {
            box[i++] = r * n + c;
          }
        }
        groups.add(box);
      }
    }
    return groups;
  }

  ConstraintGraph graph() {
    return new ConstraintGraph(cells(), groups());
  }
}
