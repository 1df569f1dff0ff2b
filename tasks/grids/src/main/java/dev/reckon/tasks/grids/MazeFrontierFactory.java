package dev.reckon.tasks.grids;

import dev.reckon.api.GridDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Level;
import dev.reckon.api.Setting;
import java.util.List;

/**
 * Breadth-first frontier expansion from the maze's start, the classical accuracy-vs-compute curve
 * for the maze: after k expansions the frontier has reached every open cell within k steps of the
 * start. Once the goal is among them, the path is marked by walking back from it along the cells
 * each was reached from; before that nothing is marked, so the answer is wrong. A maze whose path
 * takes d steps is solved from k = d on. Predicts at the {@link StepCounts} up to setting {@value
 * StepCounts#MAX_STEPS}.
 *
 * <p>The search runs to the end once per maze: expansion k reaches the cells at distance k, so
 * whether k expansions reach the goal is read from the goal's distance, the same answer as
 * stopping after k.
 */
final class MazeFrontierFactory extends StepReference {
  static final String ID = "maze-frontier";
  private static final Level LARGEST_LISTED = GridTask.hardestListed(new MazeTask());
  /** Enough expansions for the longest path of any maze of the largest listed level. */
  static final int DEFAULT_MAX_STEPS = Maze.mostSteps((int) LARGEST_LISTED.difficulty());

  MazeFrontierFactory() {
    super(ID, MazeSolver.class, MazeTask.ID, "expands through the open cells between the start and goal cells of the "
        + MazeTask.ID + " task's grids");
  }

  @Override
  public String description() {
    return MazeTask.ID + ": k breadth-first frontier expansions from the start; the path marked back from the goal "
        + "once it is reached, nothing marked before";
  }

  @Override
  public List<Setting> settings() {
    return List.of(StepCounts.setting(DEFAULT_MAX_STEPS, "frontier expansions",
        "reaches the goal of any maze of the largest listed level, " + LARGEST_LISTED.id()));
  }

  @Override
  public String iterationMeaning() {
    return "one frontier expansion: every open cell beside the frontier joins it";
  }

  @Override
  LabelingPredictions predict(GridDataset mazes, int maxSteps) {
    int[] distance = new int[mazes.size()];
    int[][] solved = new int[mazes.size()][];
    int[][] unsolved = new int[mazes.size()][];
    int solvesAll = 0;
    for (int example = 0; example < mazes.size(); example++) {
      Maze maze = Maze.read(mazes, example);
      BreadthFirstSearch search = new BreadthFirstSearch(maze);
      distance[example] = search.goalDistance();
      solved[example] = search.pathLabels();
      unsolved[example] = maze.labels();
      solvesAll = Math.max(solvesAll, distance[example]);
    }
    int[] counts = StepCounts.of(maxSteps, solvesAll);
    int[][][] labels = new int[counts.length][mazes.size()][];
    for (int i = 0; i < counts.length; i++) {
      for (int example = 0; example < mazes.size(); example++) {
        labels[i][example] = (counts[i] >= distance[example] ? solved : unsolved)[example].clone();
      }
    }
    return new LabelingPredictions(counts, labels);
  }
}
