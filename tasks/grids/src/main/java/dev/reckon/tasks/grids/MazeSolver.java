package dev.reckon.tasks.grids;

import dev.reckon.api.Dataset;
import dev.reckon.api.GridDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Task;

/**
 * The maze task's exact solver, breadth-first search. Its class is also how maze-frontier knows
 * the maze task (see {@link StepReference}).
 */
final class MazeSolver implements Task.ReferenceSolver {
  @Override
  public LabelingPredictions solve(Dataset inputs) {
    GridDataset grids = (GridDataset) inputs;
    int[][] labels = new int[grids.size()][];
    for (int example = 0; example < labels.length; example++) {
      labels[example] = new BreadthFirstSearch(Maze.read(grids, example)).pathLabels();
    }
    return new LabelingPredictions(new int[] {1}, new int[][][] {labels});
  }
}
