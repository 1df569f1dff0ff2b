package dev.reckon.tasks.grids;

import java.util.Arrays;

/**
 * Breadth-first search from a maze's start through open side neighbours, frontier by frontier:
 * expansion k reaches the open cells k steps from the start, and each cell keeps the cell it was
 * first reached from, so the way back from the goal is a shortest path (in a perfect maze, the
 * only one).
 */
final class BreadthFirstSearch {
  private final Maze maze;
  /** {@code [cell]}: steps from the start, or -1 where no open way leads. */
  private final int[] distance;
  private final int[] reachedFrom;

  BreadthFirstSearch(Maze maze) {
    this.maze = maze;
    distance = new int[maze.open().length];
    reachedFrom = new int[distance.length];
    Arrays.fill(distance, -1);
    int[] queue = new int[distance.length];
    int head = 0;
    int tail = 0;
    queue[tail++] = maze.start();
    distance[maze.start()] = 0;
    while (head < tail) {
      int cell = queue[head++];
      for (int next : maze.openNeighbours(cell)) {
        if (distance[next] < 0) {
          distance[next] = distance[cell] + 1;
          reachedFrom[next] = cell;
          queue[tail++] = next;
        }
      }
    }
  }

  /** The frontier expansions that reach the goal: its steps from the start. */
  int goalDistance() {
    if (distance[maze.goal()] < 0) {
      throw new IllegalArgumentException("no open way leads from the start to the goal");
    }
    return distance[maze.goal()];
  }

  /** The maze's labels with the path from start to goal marked. */
  int[] pathLabels() {
    int steps = goalDistance();
    int[] path = new int[steps + 1];
    path[steps] = maze.goal();
    for (int at = steps; at > 0; at--) {
      path[at - 1] = reachedFrom[path[at]];
    }
    return maze.labels(path);
  }
}
