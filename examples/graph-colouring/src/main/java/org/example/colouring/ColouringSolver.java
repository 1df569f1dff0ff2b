package org.example.colouring;

import dev.reckon.api.ConstraintGraph;

/** An exact colouring by backtracking, the blank with the fewest colours left first (DSATUR order). */
final class ColouringSolver {
  private ColouringSolver() {}

  /** A proper colouring in {@code 1..colours} keeping {@code givens}, or null when there is none. */
  static int[] solve(ConstraintGraph graph, int colours, int[] givens) {
    int nodes = graph.nodes();
    int[][] neighbours = new int[nodes][];
    for (int node = 0; node < nodes; node++) {
      neighbours[node] = graph.neighbours(node);
    }
    int[] labels = givens.clone();
    for (int node = 0; node < nodes; node++) {
      if (labels[node] != 0 && !allowed(labels, neighbours[node], labels[node])) {
        return null;
      }
    }
    return search(labels, neighbours, colours) ? labels : null;
  }

  private static boolean search(int[] labels, int[][] neighbours, int colours) {
    int best = -1;
    int bestOptions = Integer.MAX_VALUE;
    for (int node = 0; node < labels.length; node++) {
      if (labels[node] == 0) {
        int options = 0;
        for (int colour = 1; colour <= colours; colour++) {
          options += allowed(labels, neighbours[node], colour) ? 1 : 0;
        }
        if (options < bestOptions) {
          best = node;
          bestOptions = options;
        }
      }
    }
    if (best < 0) {
      return true;
    }
    for (int colour = 1; colour <= colours; colour++) {
      if (allowed(labels, neighbours[best], colour)) {
        labels[best] = colour;
        if (search(labels, neighbours, colours)) {
          return true;
        }
        labels[best] = 0;
      }
    }
    return false;
  }

  private static boolean allowed(int[] labels, int[] neighbours, int colour) {
    for (int other : neighbours) {
      if (labels[other] == colour) {
        return false;
      }
    }
    return true;
  }
}
