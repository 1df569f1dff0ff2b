package org.example.messages;

import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The examples of a labelling dataset alike, whether they share one constraint graph (sudoku) or
 * each has its own (graph colouring).
 *
 * @param solutions null for inputs shown without answers
 */
record LabelledGraphs(Dataset dataset, IntFunction<ConstraintGraph> graph, int[][] givens, int[][] solutions) {
  static LabelledGraphs of(Dataset dataset) {
    if (dataset instanceof LabelingDataset shared) {
      return new LabelledGraphs(dataset, example -> shared.graph(), shared.givens(), shared.solutions());
    }
    if (dataset instanceof GraphLabelingDataset own) {
      return new LabelledGraphs(dataset, example -> own.graphs()[example], own.givens(), own.solutions());
    }
    throw new IllegalArgumentException("message-mlp labels graphs, not a " + dataset.getClass().getSimpleName());
  }

  int size() {
    return givens.length;
  }

  /** The examples by node count, ascending: a batch holds examples of one size. */
  List<int[]> bySize() {
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    IntStream.range(0, size()).boxed().sorted((a, b) -> Integer.compare(givens[a].length, givens[b].length))
        .forEach(example -> groups.computeIfAbsent(givens[example].length, n -> new ArrayList<>())
            .add(example));
    return groups.values().stream().map(group -> group.stream().mapToInt(Integer::intValue).toArray()).toList();
  }

  /** The examples {@code chosen}, with their answers, as the task scores them. */
  Dataset subset(int[] chosen) {
    int[][] someGivens = Arrays.stream(chosen).mapToObj(example -> givens[example]).toArray(int[][]::new);
    int[][] someSolutions = Arrays.stream(chosen).mapToObj(example -> solutions[example]).toArray(int[][]::new);
    if (dataset instanceof LabelingDataset shared) {
      return new LabelingDataset(shared.graph(), shared.labels(), someGivens, someSolutions);
    }
    GraphLabelingDataset own = (GraphLabelingDataset) dataset;
    return new GraphLabelingDataset(Arrays.stream(chosen).mapToObj(example -> own.graphs()[example])
        .toArray(ConstraintGraph[]::new), own.labels(), someGivens, someSolutions, own.features() == null ? null
        : Arrays.stream(chosen).mapToObj(example -> own.features()[example]).toArray(float[][][]::new));
  }
}
