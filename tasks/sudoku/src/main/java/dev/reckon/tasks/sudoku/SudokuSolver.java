package dev.reckon.tasks.sudoku;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An exact solver: depth-first search on the cell with the fewest candidates, with candidates kept
 * as bit masks per all-different group. It counts solutions up to a limit, which is what the
 * generator needs to keep puzzles unique.
 */
final class SudokuSolver {
  private final int side;
  private final int full;
  private final int[][] groupsOfCell;
  private final int groupCount;

  SudokuSolver(SudokuShape shape) {
    List<int[]> groups = shape.groups();
    this.side = shape.side();
    this.full = (1 << side) - 1;
    this.groupCount = groups.size();
    int[] memberships = new int[shape.cells()];
    for (int[] group : groups) {
      for (int cell : group) {
        memberships[cell]++;
      }
    }
    this.groupsOfCell = new int[shape.cells()][];
    for (int cell = 0; cell < shape.cells(); cell++) {
      groupsOfCell[cell] = new int[memberships[cell]];
      memberships[cell] = 0;
    }
    for (int g = 0; g < groups.size(); g++) {
      for (int cell : groups.get(g)) {
        groupsOfCell[cell][memberships[cell]++] = g;
      }
    }
  }

  /** The number of solutions of {@code givens} (0 = blank), counted up to {@code limit}. */
  int countSolutions(int[] givens, int limit) {
    Search search = new Search(givens, null);
    return search.ok ? search.run(limit) : 0;
  }

  /** The solution, or null when there is none; the first one found if there are several. */
  int[] solve(int[] givens) {
    Search search = new Search(givens, null);
    return search.ok && search.run(1) == 1 ? search.solution : null;
  }

  /** A uniformly shuffled complete grid: the search tries labels in a random order. */
  int[] randomComplete(SplittableRandom random) {
    Search search = new Search(new int[side * side], random);
    search.run(1);
    return search.solution;
  }

  private final class Search {
    final int[] grid;
    final int[] used = new int[groupCount];
    final SplittableRandom random;
    boolean ok = true;
    int[] solution;

    Search(int[] givens, SplittableRandom random) {
      this.grid = givens.clone();
      this.random = random;
      for (int cell = 0; cell < grid.length; cell++) {
        int label = grid[cell];
        if (label == 0) {
          continue;
        }
        int bit = 1 << (label - 1);
        for (int g : groupsOfCell[cell]) {
          ok &= (used[g] & bit) == 0;
          used[g] |= bit;
        }
      }
    }

    /** Solutions found below this node, stopping at {@code limit}. */
    int run(int limit) {
      int best = -1;
      int bestCandidates = 0;
      int bestCount = side + 1;
      for (int cell = 0; cell < grid.length; cell++) {
        if (grid[cell] != 0) {
          continue;
        }
        int candidates = candidates(cell);
        int count = Integer.bitCount(candidates);
        if (count < bestCount) {
          best = cell;
          bestCandidates = candidates;
          bestCount = count;
          if (count <= 1) {
            break;
          }
        }
      }
      if (best < 0) {
        if (solution == null) {
          solution = grid.clone();
        }
        return 1;
      }
      int found = 0;
      int[] order = labels(bestCandidates);
      for (int label : order) {
        place(best, label);
        found += run(limit - found);
        remove(best, label);
        if (found >= limit) {
          break;
        }
      }
      return found;
    }

    private int[] labels(int candidates) {
      int[] labels = new int[Integer.bitCount(candidates)];
      int i = 0;
      for (int bits = candidates; bits != 0; bits &= bits - 1) {
        labels[i++] = Integer.numberOfTrailingZeros(bits) + 1;
      }
      if (random != null) {
        for (int j = labels.length - 1; j > 0; j--) {
          int k = random.nextInt(j + 1);
          int swap = labels[j];
          labels[j] = labels[k];
          labels[k] = swap;
        }
      }
      return labels;
    }

    private int candidates(int cell) {
      int taken = 0;
      for (int g : groupsOfCell[cell]) {
        taken |= used[g];
      }
      return full & ~taken;
    }

    private void place(int cell, int label) {
      grid[cell] = label;
      for (int g : groupsOfCell[cell]) {
        used[g] |= 1 << (label - 1);
      }
    }

    private void remove(int cell, int label) {
      grid[cell] = 0;
      for (int g : groupsOfCell[cell]) {
        used[g] &= ~(1 << (label - 1));
      }
    }
  }
}
