package org.example.colouring;

import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Each example is a fresh random graph of the level's node count: every node draws a planted
 * colour in {@code 1..k}, and two nodes of different planted colours are joined with probability
 * {@code edgeProbability} (each edge one all-different group of two nodes), so the planted
 * colouring is proper. A quarter of the nodes are given. Everything comes from the data seed; the
 * task seed is unused.
 */
final class ColouringTask implements Task {
  private static final int[] NODE_COUNTS = {8, 12, 16};
  private static final List<Metric> METRICS = List.of(
      new Metric("valid_rate", Direction.HIGHER_IS_BETTER, "fraction",
          "outputs whose every edge joins two different colours and that keep every given"),
      new Metric("node_accuracy", Direction.HIGHER_IS_BETTER, "fraction",
          "blank nodes given their planted colour"));

  private final int colours;
  private final double edgeProbability;
  private final LabelingFormat format;

  ColouringTask(int colours, double edgeProbability) {
    if (colours < 2) {
      throw new IllegalArgumentException("setting 'colours' must be at least 2, got " + colours);
    }
    if (!(edgeProbability >= 0 && edgeProbability <= 1)) {
      throw new IllegalArgumentException("setting 'edgeProbability' must be in [0, 1], got " + edgeProbability);
    }
    this.colours = colours;
    this.edgeProbability = edgeProbability;
    this.format = new LabelingFormat(Graphs.PER_EXAMPLE, Constraint.ALL_DIFFERENT, colours);
  }

  @Override
  public LabelingFormat format() {
    return format;
  }

  @Override
  public List<Level> levels() {
    List<Level> levels = new ArrayList<>();
    for (int nodes : NODE_COUNTS) {
      levels.add(new Level("n" + nodes, nodes, nodes + " nodes, " + nodes / 4 + " of them given"));
    }
    return levels;
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  @Override
  public GraphLabelingDataset generate(Level level, int count, long seed) {
    int nodes = Integer.parseInt(level(level.id()).id().substring(1));
    SplittableRandom random = new SplittableRandom(seed);
    ConstraintGraph[] graphs = new ConstraintGraph[count];
    int[][] givens = new int[count][];
    int[][] solutions = new int[count][];
    for (int example = 0; example < count; example++) {
      int[] planted = new int[nodes];
      for (int node = 0; node < nodes; node++) {
        planted[node] = 1 + random.nextInt(colours);
      }
      List<int[]> edges = new ArrayList<>();
      for (int a = 0; a < nodes; a++) {
        for (int b = a + 1; b < nodes; b++) {
          if (planted[a] != planted[b] && random.nextDouble() < edgeProbability) {
            edges.add(new int[] {a, b});
          }
        }
      }
      int[] order = shuffled(nodes, random);
      int[] given = new int[nodes];
      for (int i = 0; i < nodes / 4; i++) {
        given[order[i]] = planted[order[i]];
      }
      graphs[example] = new ConstraintGraph(nodes, edges);
      givens[example] = given;
      solutions[example] = planted;
    }
    return new GraphLabelingDataset(graphs, colours, givens, solutions, null);
  }

  @Override
  public List<Score> score(Dataset answers, Predictions predictions) {
    if (!(answers instanceof GraphLabelingDataset data) || !data.hasAnswers()) {
      throw new IllegalArgumentException("colouring scores a graph labelling dataset with its answers");
    }
    LabelingPredictions labelling = (LabelingPredictions) predictions;
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < labelling.iterations().length; i++) {
      int iterations = labelling.iterations()[i];
      int valid = 0;
      long rightBlanks = 0;
      long blanks = 0;
      for (int example = 0; example < data.size(); example++) {
        int[] given = data.givens()[example];
        int[] planted = data.solutions()[example];
        int[] output = labelling.labels()[i][example];
        valid += proper(data.graphs()[example], given, output) ? 1 : 0;
        for (int node = 0; node < given.length; node++) {
          if (given[node] == 0) {
            blanks++;
            rightBlanks += output[node] == planted[node] ? 1 : 0;
          }
        }
      }
      scores.add(Score.proportion("valid_rate", iterations, valid, data.size()));
      scores.add(Score.proportion("node_accuracy", iterations, rightBlanks, Math.toIntExact(blanks)));
    }
    return scores;
  }

  /** Backtracking: the most constrained blank first. Any proper colouring will do, not only the planted one. */
  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return Optional.of(inputs -> {
      GraphLabelingDataset data = (GraphLabelingDataset) inputs;
      int[][] solved = new int[data.size()][];
      for (int example = 0; example < data.size(); example++) {
        solved[example] = ColouringSolver.solve(data.graphs()[example], data.labels(), data.givens()[example]);
        if (solved[example] == null) {
          throw new IllegalArgumentException("example " + example + " has no proper colouring");
        }
      }
      return new LabelingPredictions(new int[] {1}, new int[][][] {solved});
    });
  }

  /** Every edge joins two different colours, and every given is kept. */
  static boolean proper(ConstraintGraph graph, int[] given, int[] output) {
    for (int node = 0; node < given.length; node++) {
      if (given[node] != 0 && output[node] != given[node]) {
        return false;
      }
    }
    for (int[] edge : graph.groups()) {
      if (output[edge[0]] == output[edge[1]]) {
        return false;
      }
    }
    return true;
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
