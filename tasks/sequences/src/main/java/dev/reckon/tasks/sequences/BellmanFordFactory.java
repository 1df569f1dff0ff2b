package dev.reckon.tasks.sequences;

import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;
import java.util.stream.IntStream;

/**
 * k rounds of Bellman-Ford from the query's first city on the task's map, the classical
 * accuracy-vs-compute curve for shortest paths: a path of h roads is found once k >= h. Predicts
 * at every k from 1 to setting {@code maxRounds}.
 */
final class BellmanFordFactory implements ModelFactory {
  static final String ID = "bellman-ford";
  static final String MAX_ROUNDS = "maxRounds";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "k rounds of Bellman-Ford relaxation on the map, then the path read back from the predecessors";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.integer(MAX_ROUNDS, 16, "the largest number of rounds; predictions at every k from 1"));
  }

  /** It reads the roads themselves, which only this jar's shortest-path task holds. */
  /** A classical reference: it knows its task, and what it reads of it, by the task's own solver. */
  @Override
  public boolean usesReferenceSolver() {
    return true;
  }

  @Override
  public Support supports(Task task) {
    return DijkstraSolver.mapOf(task).isPresent()
        ? Support.yes()
        : Support.no("bellman-ford relaxes the roads of the shortest-path task's map; this task has no map");
  }

  @Override
  public String iterationMeaning() {
    return "one round of Bellman-Ford: every road relaxed once from the previous round's distances";
  }

  @Override
  public Model create(ModelContext context) {
    int maxRounds = context.config().getInt(MAX_ROUNDS);
    if (maxRounds < 1) {
      throw new IllegalArgumentException("setting '" + MAX_ROUNDS + "' must be at least 1, got " + maxRounds);
    }
    RoadMap map = DijkstraSolver.mapOf(context.task()).orElseThrow();
    int[] rounds = IntStream.rangeClosed(1, maxRounds).toArray();
    return inputs -> predict(map, (SequenceDataset) inputs, rounds);
  }

  private static SequencePredictions predict(RoadMap map, SequenceDataset queries, int[] rounds) {
    int[][][] paths = new int[rounds.length][queries.size()][];
    for (int example = 0; example < queries.size(); example++) {
      int[] query = queries.inputs()[example];
      BellmanFord search = new BellmanFord(map, query[0], rounds[rounds.length - 1]);
      for (int k = 0; k < rounds.length; k++) {
        paths[k][example] = search.path(query[1], rounds[k]);
      }
    }
    return new SequencePredictions(rounds, paths);
  }
}
