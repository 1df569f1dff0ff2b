package dev.reckon.plugins.baselines;

import dev.reckon.api.ConstraintGraph;
import java.util.List;

/**
 * Classical constraint propagation on all-different groups, then depth-first search when
 * propagation stalls, with every unit of work counted against a budget.
 *
 * <p>One round looks at the grid as it stands and assigns, all at once, every naked single (a
 * blank with one candidate left) and every hidden single (the only blank of a group that can take
 * some label). Once a round assigns nothing, search takes over: it guesses a label for the blank
 * with fewest candidates and propagates again, backtracking on a contradiction.
 *
 * <p>The budget counts every unit of that work: each round that assigns something, before the
 * search or inside it, and each guess (the pass that finds nothing left to assign only detects a
 * stall; its cost is folded into the guess that follows). So a puzzle is solved at a budget of k
 * exactly when its solution takes k units: the rounds before the stall, plus every round and
 * guess of the search, failed branches included.
 */
final class ConstraintPropagation {
  /** Candidates are bits of an int. */
  static final int MAX_LABELS = 30;

  private final int labels;
  private final int[][] groups;
  private final int[][] groupsOfNode;

  ConstraintPropagation(ConstraintGraph graph, int labels) {
    if (labels > MAX_LABELS) {
      throw new IllegalArgumentException("propagation handles up to " + MAX_LABELS + " labels, not " + labels);
    }
    List<int[]> all = graph.groups();
    this.labels = labels;
    this.groups = all.toArray(int[][]::new);
    int[] counts = new int[graph.nodes()];
    all.forEach(group -> {
      for (int node : group) {
        counts[node]++;
      }
    });
    this.groupsOfNode = new int[graph.nodes()][];
    for (int node = 0; node < counts.length; node++) {
      groupsOfNode[node] = new int[counts[node]];
      counts[node] = 0;
    }
    for (int g = 0; g < groups.length; g++) {
      for (int node : groups[g]) {
        groupsOfNode[node][counts[node]++] = g;
      }
    }
  }

  /**
   * The labels after each budget of {@code budgets} (ascending, in units of work: see the class
   * comment); blanks still open at the end of a budget get their smallest remaining candidate.
   *
   * @return {@code [budget index][node]}
   */
  int[][] solve(int[] givens, int[] budgets) {
    int maxBudget = budgets[budgets.length - 1];
    int[][] outputs = new int[budgets.length][];
    int[] grid = givens.clone();
    int rounds = 0;
    int next = 0;
    while (rounds < maxBudget && round(grid)) {
      rounds++;
      while (next < budgets.length && budgets[next] == rounds) {
        outputs[next++] = filled(grid);
      }
    }
    Work work = work(grid, rounds, maxBudget);
    int[] stalled = filled(grid);
    for (; next < budgets.length; next++) {
      outputs[next] = work.solution() != null && budgets[next] >= work.units() ? work.solution().clone() : stalled;
    }
    return outputs;
  }

  /**
   * The work of solving {@code givens} within {@code maxBudget} units: how many rounds ran before
   * propagation stalled (or solved the puzzle), how many rounds and guesses the search took, and the
   * solution, null when the budget ran out first.
   */
  Work work(int[] givens, int maxBudget) {
    int[] grid = givens.clone();
    int rounds = 0;
    while (rounds < maxBudget && round(grid)) {
      rounds++;
    }
    return work(grid, rounds, maxBudget);
  }

  private Work work(int[] stalled, int rounds, int maxBudget) {
    if (complete(stalled)) {
      return new Work(rounds, 0, 0, stalled.clone());
    }
    if (rounds >= maxBudget) {
      return new Work(rounds, 0, 0, null);
    }
    Search search = new Search(maxBudget - rounds);
    int[] solution = search.solve(stalled.clone());
    return new Work(rounds, search.rounds, search.guesses, solution);
  }

  /**
   * What solving one puzzle cost.
   *
   * @param roundsBeforeStall rounds of propagation before it first assigned nothing
   * @param searchRounds rounds of propagation inside the search, failed branches included
   * @param guesses labels the search tried
   * @param solution the solved grid, null when the budget ran out first
   */
  record Work(int roundsBeforeStall, int searchRounds, int guesses, int[] solution) {
    /**
     * The units of work done: with a solution, what it took, the smallest budget at which the puzzle
     * is solved; without one, what was spent before the budget ran out (never more than the budget).
     */
    int units() {
      return roundsBeforeStall + searchRounds + guesses;
    }
  }

  /** One round; false when it assigns nothing. */
  private boolean round(int[] grid) {
    int[] candidates = candidates(grid);
    int[] assign = new int[grid.length];
    boolean any = false;
    for (int node = 0; node < grid.length; node++) {
      if (grid[node] == 0 && Integer.bitCount(candidates[node]) == 1) {
        assign[node] = Integer.numberOfTrailingZeros(candidates[node]) + 1;
        any = true;
      }
    }
    for (int[] group : groups) {
      for (int label = 1; label <= labels; label++) {
        int bit = 1 << (label - 1);
        int only = -1;
        int count = 0;
        for (int node : group) {
          if (grid[node] == label) {
            count = -1;
            break;
          }
          if (grid[node] == 0 && (candidates[node] & bit) != 0) {
            only = node;
            count++;
          }
        }
        if (count == 1) {
          assign[only] = label;
          any = true;
        }
      }
    }
    for (int node = 0; node < grid.length; node++) {
      if (assign[node] != 0) {
        grid[node] = assign[node];
      }
    }
    return any;
  }

  /** For each blank, the labels no neighbour holds, as a bit mask (bit l-1 for label l). */
  private int[] candidates(int[] grid) {
    int[] used = new int[groups.length];
    for (int g = 0; g < groups.length; g++) {
      for (int node : groups[g]) {
        if (grid[node] > 0) {
          used[g] |= 1 << (grid[node] - 1);
        }
      }
    }
    int all = (1 << labels) - 1;
    int[] candidates = new int[grid.length];
    for (int node = 0; node < grid.length; node++) {
      if (grid[node] == 0) {
        int taken = 0;
        for (int g : groupsOfNode[node]) {
          taken |= used[g];
        }
        candidates[node] = all & ~taken;
      }
    }
    return candidates;
  }

  private boolean complete(int[] grid) {
    for (int label : grid) {
      if (label == 0) {
        return false;
      }
    }
    return consistent(grid);
  }

  /** No group holds a label twice and no blank is left without a candidate. */
  private boolean consistent(int[] grid) {
    for (int[] group : groups) {
      int seen = 0;
      for (int node : group) {
        if (grid[node] > 0) {
          int bit = 1 << (grid[node] - 1);
          if ((seen & bit) != 0) {
            return false;
          }
          seen |= bit;
        }
      }
    }
    int[] candidates = candidates(grid);
    for (int node = 0; node < grid.length; node++) {
      if (grid[node] == 0 && candidates[node] == 0) {
        return false;
      }
    }
    return true;
  }

  private int[] filled(int[] grid) {
    int[] candidates = candidates(grid);
    int[] out = grid.clone();
    for (int node = 0; node < out.length; node++) {
      if (out[node] == 0) {
        out[node] = candidates[node] == 0 ? 1 : Integer.numberOfTrailingZeros(candidates[node]) + 1;
      }
    }
    return out;
  }

  /**
   * Depth-first search on the blank with fewest candidates, propagating after every guess, within a
   * budget of units: each round that assigns something and each guess costs one.
   */
  private final class Search {
    private final int budget;
    int rounds;
    int guesses;

    Search(int budget) {
      this.budget = budget;
    }

    private int spent() {
      return rounds + guesses;
    }

    int[] solve(int[] grid) {
      while (true) {
        if (!consistent(grid)) {
          return null;
        }
        if (complete(grid)) {
          return grid;
        }
        if (spent() >= budget || !round(grid)) {
          break;
        }
        rounds++;
      }
      if (spent() >= budget) {
        return null;
      }
      int[] candidates = candidates(grid);
      int best = -1;
      for (int node = 0; node < grid.length; node++) {
        if (grid[node] == 0 && (best < 0 || Integer.bitCount(candidates[node]) < Integer.bitCount(candidates[best]))) {
          best = node;
        }
      }
      for (int bits = candidates[best]; bits != 0 && spent() < budget; bits &= bits - 1) {
        guesses++;
        int[] child = grid.clone();
        child[best] = Integer.numberOfTrailingZeros(bits) + 1;
        int[] solved = solve(child);
        if (solved != null) {
          return solved;
        }
      }
      return null;
    }
  }
}
