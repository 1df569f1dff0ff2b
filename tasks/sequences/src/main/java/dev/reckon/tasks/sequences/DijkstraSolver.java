package dev.reckon.tasks.sequences;

import dev.reckon.api.Dataset;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Task;
import java.util.Optional;

/**
 * The shortest-path task's exact solver, and how this jar's Bellman-Ford finds the map: the
 * runner hands a model its task behind a proxy of {@link Task}, so the task's own class is hidden,
 * but what its methods return keeps its class.
 */
final class DijkstraSolver implements Task.ReferenceSolver {
  private final RoadMap map;
  private final ShortestPaths paths;

  DijkstraSolver(RoadMap map) {
    this.map = map;
    this.paths = new ShortestPaths(map);
  }

  /** The map of {@code task}, if it is this jar's shortest-path task. */
  static Optional<RoadMap> mapOf(Task task) {
    return task.referenceSolver().filter(DijkstraSolver.class::isInstance).map(solver -> ((DijkstraSolver) solver).map);
  }

  ShortestPaths paths() {
    return paths;
  }

  @Override
  public SequencePredictions solve(Dataset inputs) {
    SequenceDataset queries = (SequenceDataset) inputs;
    int[][] answers = new int[queries.size()][];
    for (int example = 0; example < answers.length; example++) {
      answers[example] = paths.path(queries.inputs()[example][0], queries.inputs()[example][1]);
    }
    return new SequencePredictions(new int[] {1}, new int[][][] {answers});
  }
}
