package dev.reckon.tasks.grids;

import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.Level;
import dev.reckon.api.Task;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Perfect mazes of the easy-to-hard studies (Schwarzschild et al. 2021; Bansal et al. 2022, who
 * train on small mazes and test on larger ones): mark the path from the start room to the goal
 * room. A maze of k x k rooms is a grid of side s = 2k + 1, one cell a grid square, outer wall
 * included; each cell tells whether it is open, the start, the goal. Label {@link Maze#ON_PATH} on
 * the path's cells (both ends included), {@link Maze#OFF_PATH} elsewhere.
 *
 * <p>Followed from easy-to-hard-data's make_mazes.py: the recursive backtracker carving from the
 * start room, start and goal two distinct rooms drawn uniformly, the shortest (here, only) path as
 * the answer (see {@link MazeGenerator}). Different: that repository names a maze by the side
 * inside its outer wall, so its size N is our s(N+2) (deep-thinking's configs train on 9 and test
 * on 33: {@code s11} and {@code s35} here, taken by id); it shows a cell as 2 x 2 pixels with a
 * border, here a cell is a cell; and deep-thinking's scoring clears predictions on walls before
 * comparing, where here every cell counts, so a model must also leave the walls off the path.
 *
 * <p>Levels by side, {@code s9} to {@code s59}; any odd side from {@value #SMALLEST_SIDE} is taken
 * by id.
 */
final class MazeTask extends GridTask {
  static final String ID = "maze";
  /** The smallest side: two rooms a side, so that start and goal can differ. */
  static final int SMALLEST_SIDE = 5;
  static final String DESCRIPTION = "perfect mazes (recursive backtracker) of k x k rooms on a grid of side 2k + 1, "
      + "start and goal two random rooms; in: open, start, goal a cell; out: label " + Maze.ON_PATH + " on the path "
      + "between them, " + Maze.OFF_PATH + " elsewhere; levels sN by side, any odd N from " + SMALLEST_SIDE + " by id";
  static final String PATH_ACCURACY = "path_accuracy";
  static final String CELL_ACCURACY = "cell_accuracy";
  /** The sides of the listed levels. */
  private static final List<Integer> SIDES = List.of(9, 13, 19, 25, 33, 45, 59);

  MazeTask() {
    super(ID, new GridFormat(2, Maze.CHANNELS, Maze.LABELS),
        new SizeLevels("s", SMALLEST_SIDE, true, MazeTask::describe, SIDES),
        fraction(PATH_ACCURACY, "mazes with every cell labelled right: the path marked and nothing else"),
        fraction(CELL_ACCURACY, "cells labelled right"));
  }

  private static String describe(int side) {
    int k = Maze.rooms(side);
    return String.format(Locale.ROOT, "%d x %d cells: %d x %d rooms, the walls between and around", side, side, k, k);
  }

  @Override
  public GridDataset generate(Level level, int count, long seed) {
    int side = size(level);
    MazeGenerator generator = new MazeGenerator(side);
    SplittableRandom random = new SplittableRandom(seed);
    float[][][] cells = new float[count][][];
    int[][] answers = new int[count][];
    for (int example = 0; example < count; example++) {
      MazeGenerator.Drawn drawn = generator.draw(random);
      cells[example] = drawn.maze().cells();
      answers[example] = drawn.answer();
    }
    return new GridDataset(side, side, Maze.LABELS, cells, answers);
  }

  @Override
  public List<String> classicalReferences() {
    return List.of(MazeFrontierFactory.ID);
  }

  @Override
  public Optional<Task.ReferenceSolver> referenceSolver() {
    return Optional.of(new MazeSolver());
  }
}
