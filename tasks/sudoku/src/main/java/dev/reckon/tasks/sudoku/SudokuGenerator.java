package dev.reckon.tasks.sudoku;

import java.util.SplittableRandom;

/**
 * Makes puzzles with exactly one solution: a random complete grid, then givens removed one at a
 * time in a random order, each removal kept only while the puzzle stays unique.
 *
 * <p>One pass over the cells gives a minimal puzzle: removing givens only ever adds solutions, so a
 * removal refused once would be refused again later.
 */
final class SudokuGenerator {
  /** The target for a minimal puzzle: remove until no given can go. */
  static final int MINIMAL = -1;

  private final SudokuShape shape;
  private final SudokuSolver solver;

  SudokuGenerator(SudokuShape shape) {
    this.shape = shape;
    this.solver = new SudokuSolver(shape);
  }

  /**
   * A puzzle with {@code blanks} blanks, or a minimal one for {@link #MINIMAL}.
   *
   * @return {@code [0]} the givens (0 = blank), {@code [1]} the solution
   */
  int[][] puzzle(int blanks, SplittableRandom random) {
    while (true) {
      int[] solution = solver.randomComplete(random);
      int[] givens = solution.clone();
      int removed = 0;
      for (int cell : permutation(shape.cells(), random)) {
        if (removed == blanks) {
          break;
        }
        givens[cell] = 0;
        if (solver.countSolutions(givens, 2) == 1) {
          removed++;
        } else {
          givens[cell] = solution[cell];
        }
      }
      // A random order can get stuck before the target; the next grid is a fresh draw.
      if (blanks == MINIMAL || removed == blanks) {
        return new int[][] {givens, solution};
      }
    }
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
