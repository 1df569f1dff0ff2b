package dev.reckon.plugins.baselines;

import dev.reckon.api.ConstraintGraph;
import java.util.List;

/**
 * Classical constraint propagation on all-different groups, counted in rounds, then depth-first
 * search when propagation stalls.
 *
 * <p>One round looks at the grid as it stands and assigns, all at once, every naked single (a
 * blank with one candidate left) and every hidden single (the only blank of a group that can take
 * some label). Once a round assigns nothing, search takes over: each guess costs one round of the
 * budget, and between guesses propagation runs to its fixed point. So a budget of k rounds gives
 * a curve that rises with k and reaches the solution when k covers the rounds and the guesses.
 */
final class ConstraintPropagation {
  private final int labels;
  private final int[][] groups;
  private final int[][] groupsOfNode;

  ConstraintPropagation(ConstraintGraph graph, int labels) {
    if (labels > 30) {
      throw new IllegalArgumentException("propagation handles up to 30 labels, not " + labels);
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
   * The labels after each budget of {@code budgets} (ascending) rounds; blanks still open at the
   * end of a budget get their smallest remaining candidate.
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
    int[] solution = complete(grid) ? grid : null;
    int guesses = 0;
    if (solution == null && rounds < maxBudget) {
      Search search = new Search(maxBudget - rounds);
      solution = search.solve(grid.clone());
      guesses = search.guesses;
    }
    int[] stalled = filled(grid);
    for (; next < budgets.length; next++) {
      outputs[next] = solution != null && budgets[next] >= rounds + guesses ? solution.clone() : stalled;
    }
    return outputs;
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

  /** Depth-first search on the blank with fewest candidates, within a budget of guesses. */
  private final class Search {
    private final int budget;
    int guesses;

    Search(int budget) {
      this.budget = budget;
    }

    int[] solve(int[] grid) {
      while (round(grid)) {
        if (!consistent(grid)) {
          return null;
        }
      }
      if (!consistent(grid)) {
        return null;
      }
      if (complete(grid)) {
        return grid;
      }
      int[] candidates = candidates(grid);
      int best = -1;
      for (int node = 0; node < grid.length; node++) {
        if (grid[node] == 0 && (best < 0 || Integer.bitCount(candidates[node]) < Integer.bitCount(candidates[best]))) {
          best = node;
        }
      }
      for (int bits = candidates[best]; bits != 0 && guesses < budget; bits &= bits - 1) {
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
