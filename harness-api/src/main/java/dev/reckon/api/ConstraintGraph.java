package dev.reckon.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Nodes joined by all-different constraints: each group is a set of nodes whose labels must all
 * differ (a Sudoku row, column or box). Two nodes are neighbours when they share a group.
 *
 * <p>Graph models read the edge list ({@link #edgeSources()}, {@link #edgeTargets()}: every
 * ordered pair of neighbours once); solvers read the groups.
 */
public final class ConstraintGraph {
  private final int nodes;
  private final List<int[]> groups;
  private final int[] edgeSources;
  private final int[] edgeTargets;
  private final int[][] neighbours;

  public ConstraintGraph(int nodes, List<int[]> groups) {
    if (nodes <= 0) {
      throw new IllegalArgumentException("a graph needs at least one node, got " + nodes);
    }
    List<int[]> copies = new ArrayList<>();
    BitSet[] adjacent = new BitSet[nodes];
    for (int i = 0; i < nodes; i++) {
      adjacent[i] = new BitSet(nodes);
    }
    for (int[] group : groups) {
      for (int node : group) {
        if (node < 0 || node >= nodes) {
          throw new IllegalArgumentException("group " + Arrays.toString(group) + " names node " + node + " of " + nodes);
        }
        for (int other : group) {
          if (other != node) {
            adjacent[node].set(other);
          }
        }
      }
      copies.add(group.clone());
    }
    this.nodes = nodes;
    this.groups = List.copyOf(copies);
    this.neighbours = new int[nodes][];
    int edges = 0;
    for (int i = 0; i < nodes; i++) {
      neighbours[i] = adjacent[i].stream().toArray();
      edges += neighbours[i].length;
    }
    this.edgeSources = new int[edges];
    this.edgeTargets = new int[edges];
    int e = 0;
    for (int i = 0; i < nodes; i++) {
      for (int j : neighbours[i]) {
        edgeSources[e] = i;
        edgeTargets[e] = j;
        e++;
      }
    }
  }

  public int nodes() {
    return nodes;
  }

  /** The all-different groups, each a list of node indices. */
  public List<int[]> groups() {
    return groups.stream().map(int[]::clone).toList();
  }

  /** Sorted neighbours of {@code node}. */
  public int[] neighbours(int node) {
    return neighbours[node].clone();
  }

  /** Source node of every directed edge; edge {@code e} runs from source to target. */
  public int[] edgeSources() {
    return edgeSources.clone();
  }

  /** Target node of every directed edge, aligned with {@link #edgeSources()}. */
  public int[] edgeTargets() {
    return edgeTargets.clone();
  }

  /** Graphs are equal when they have the same nodes and the same groups in the same order. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ConstraintGraph graph) || graph.nodes != nodes || graph.groups.size() != groups.size()) {
      return false;
    }
    for (int i = 0; i < groups.size(); i++) {
      if (!Arrays.equals(groups.get(i), graph.groups.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = nodes;
    for (int[] group : groups) {
      hash = 31 * hash + Arrays.hashCode(group);
    }
    return hash;
  }
}
