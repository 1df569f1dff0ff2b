package dev.reckon.tasks.grids;

import dev.reckon.api.GridDataset;
import java.util.Arrays;

/**
 * A maze drawn on a square grid of side {@code 2k + 1}, cells numbered row by row: its k x k rooms
 * sit at odd rows and columns, the cells between two rooms are walls or openings, and the outer
 * ring is wall. How the task shows it to a model (three channels a cell) and labels an answer.
 *
 * @param side the grid's side, odd
 * @param open {@code [cell]}: whether the cell is a room or an opening between rooms
 * @param start the cell of the start room
 * @param goal the cell of the goal room
 */
record Maze(int side, boolean[] open, int start, int goal) {
  /** The channel that is 1 on open cells, rooms and openings alike (start and goal included). */
  static final int OPEN = 0;
  /** The channel that is 1 on the start room alone. */
  static final int START = 1;
  /** The channel that is 1 on the goal room alone. */
  static final int GOAL = 2;
  static final int CHANNELS = 3;
  /** The label of a cell off the path from start to goal: walls and every other open cell. */
  static final int OFF_PATH = 1;
  /** The label of a cell on the path from start to goal, both ends included. */
  static final int ON_PATH = 2;
  static final int LABELS = 2;

  /** The rooms along a side of a grid of side {@code side}. */
  static int rooms(int side) {
    return (side - 1) / 2;
  }

  /**
   * The most steps between two cells of a perfect maze of side {@code side}: one fewer than its
   * open cells, k x k rooms and the k x k - 1 openings that join them into a tree.
   */
  static int mostSteps(int side) {
    int rooms = rooms(side) * rooms(side);
    return rooms + (rooms - 1) - 1;
  }

  /** Example {@code example} of a maze dataset, read from its channels. */
  static Maze read(GridDataset grids, int example) {
    float[][] cells = grids.cells()[example];
    boolean[] open = new boolean[cells.length];
    int start = -1;
    int goal = -1;
    for (int cell = 0; cell < cells.length; cell++) {
      open[cell] = cells[cell][OPEN] == 1f;
      start = cells[cell][START] == 1f ? cell : start;
      goal = cells[cell][GOAL] == 1f ? cell : goal;
    }
    if (start < 0 || goal < 0) {
      throw new IllegalArgumentException("maze " + example + " has no " + (start < 0 ? "start" : "goal") + " cell");
    }
    return new Maze(grids.columns(), open, start, goal);
  }

  /** The open cells beside {@code cell}: left, right, up, down. */
  int[] openNeighbours(int cell) {
    int row = cell / side;
    int column = cell % side;
    int[] found = new int[4];
    int count = 0;
    for (int next : new int[] {column > 0 ? cell - 1 : -1, column + 1 < side ? cell + 1 : -1,
        row > 0 ? cell - side : -1, row + 1 < side ? cell + side : -1}) {
      if (next >= 0 && open[next]) {
        found[count++] = next;
      }
    }
    return Arrays.copyOf(found, count);
  }

  /** {@code [cell][channel]}: what the task tells a model of each cell. */
  float[][] cells() {
    float[][] cells = new float[open.length][CHANNELS];
    for (int cell = 0; cell < open.length; cell++) {
      cells[cell][OPEN] = open[cell] ? 1f : 0f;
    }
    cells[start][START] = 1f;
    cells[goal][GOAL] = 1f;
    return cells;
  }

  /** A label on every cell: {@link #ON_PATH} on {@code path}, {@link #OFF_PATH} elsewhere. */
  int[] labels(int... path) {
    int[] labels = new int[open.length];
    Arrays.fill(labels, OFF_PATH);
    for (int cell : path) {
      labels[cell] = ON_PATH;
    }
    return labels;
  }
}
