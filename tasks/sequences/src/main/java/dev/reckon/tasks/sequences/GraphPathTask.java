package dev.reckon.tasks.sequences;

import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.ExampleScoredTask;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortest paths on a fresh random map per example (research note 000's second form, for graph
 * models, CLRS-style: train on small graphs, test on larger ones). Each example draws a {@link
 * RoadMap} of the level's n cities ({@code neighbours} nearest roads, made two-way and connected)
 * and a source and a target, two distinct cities drawn uniformly; the answer marks every city on
 * the shortest path.
 *
 * <ul>
 *   <li>graph: one {@link Constraint#RELATION} group {@code [a, b]} ({@code a < b}) per road, so a
 *       node's neighbours are the cities a road joins it to;
 *   <li>node features {@code [x, y, isSource, isTarget]}: where the city lies (a road is as long as
 *       the straight line, so lengths follow from the coordinates) and 1 on the query's ends. The
 *       ends are features, not givens: no node is given, every node is asked for;
 *   <li>labels: 1 = off the path, 2 = on the shortest path, source and target included.
 * </ul>
 *
 * <p>Levels {@code nN} by node count; an unlisted {@code nN} is accepted by id (N from {@code
 * neighbours + 1} to {@value #MOST_NODES}). Everything comes from the data seed; the task seed is
 * unused, as there is no shared map.
 *
 * <p>Scoring: an output is an exact path when the cities labelled 2 are exactly the cities of a
 * path between the ends along roads as short as the optimum within {@value
 * ShortestPathTask#EXACT_TOLERANCE}: an equally short other path is as right as the one the data
 * shows. Node accuracy counts the nodes labelled as in the data's path (Dijkstra's pick among
 * equals).
 */
final class GraphPathTask implements ExampleScoredTask {
  static final int[] NODE_LEVELS = {8, 12, 16, 24, 32};
  static final int MOST_NODES = 1000;
  static final int OFF_PATH = 1;
  static final int ON_PATH = 2;
  static final int FEATURES = 4;
  static final String PATH_ACCURACY = "path_accuracy";
  static final String NODE_ACCURACY = "node_accuracy";
  private static final Pattern NODES = Pattern.compile("n(\\d{1,4})");

  private static final List<Metric> METRICS = List.of(
      new Metric(PATH_ACCURACY, Direction.HIGHER_IS_BETTER, Metric.FRACTION,
          "outputs whose cities labelled 'on path' are exactly those of a shortest path between the ends (any "
              + "equally short one within 1e-9)"),
      new Metric(NODE_ACCURACY, Direction.HIGHER_IS_BETTER, Metric.FRACTION,
          "nodes labelled as in the data's shortest path, over all nodes"));

  private final int neighbours;
  private final LabelingFormat format = new LabelingFormat(Graphs.PER_EXAMPLE, Constraint.RELATION, 2);

  GraphPathTask(int neighbours) {
    if (neighbours < 1 || neighbours >= NODE_LEVELS[0]) {
      throw new IllegalArgumentException("setting 'neighbours' must be between 1 and " + (NODE_LEVELS[0] - 1)
          + " (the smallest level has " + NODE_LEVELS[0] + " cities), got " + neighbours);
    }
    this.neighbours = neighbours;
  }

  @Override
  public LabelingFormat format() {
    return format;
  }

  @Override
  public List<Level> levels() {
    List<Level> levels = new ArrayList<>();
    for (int nodes : NODE_LEVELS) {
      levels.add(level(nodes));
    }
    return levels;
  }

  private Level level(int nodes) {
    return new Level("n" + nodes, nodes, String.format(Locale.ROOT, "a fresh map of %d cities a query, roads to "
        + "the %d nearest, two random distinct ends", nodes, neighbours));
  }

  /** A listed level, or any {@code nN} with N from {@code neighbours + 1} to {@value #MOST_NODES}. */
  @Override
  public Level level(String id) {
    Matcher matcher = NODES.matcher(id);
    if (!matcher.matches()) {
      return ExampleScoredTask.super.level(id);
    }
    int nodes = Integer.parseInt(matcher.group(1));
    if (nodes <= neighbours || nodes > MOST_NODES) {
      throw new IllegalArgumentException("level '" + id + "' has " + nodes + " cities; it must have from "
          + (neighbours + 1) + " (more than 'neighbours') to " + MOST_NODES);
    }
    return level(nodes);
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  @Override
  public GraphLabelingDataset generate(Level level, int count, long seed) {
    int nodes = (int) level(level.id()).difficulty();
    SplittableRandom random = new SplittableRandom(seed);
    ConstraintGraph[] graphs = new ConstraintGraph[count];
    int[][] givens = new int[count][];
    int[][] solutions = new int[count][];
    float[][][] features = new float[count][][];
    for (int example = 0; example < count; example++) {
      RoadMap map = RoadMap.draw(nodes, neighbours, random);
      int from = random.nextInt(nodes);
      int to = random.nextInt(nodes - 1);
      to += to >= from ? 1 : 0;
      graphs[example] = graph(map);
      givens[example] = new int[nodes];
      features[example] = features(map, from, to);
      // The answer on the map as the features tell it (float coordinates), as scoring and the solver see it.
      solutions[example] = labels(nodes, new ShortestPaths(mapOf(graphs[example], features[example])).path(from, to));
    }
    return new GraphLabelingDataset(graphs, 2, givens, solutions, features);
  }

  /** One group a road, {@code [a, b]} with {@code a < b}, by {@code a} then {@code b}. */
  static ConstraintGraph graph(RoadMap map) {
    List<int[]> roads = new ArrayList<>();
    for (int a = 0; a < map.cities(); a++) {
      for (int b : map.neighbours(a)) {
        if (a < b) {
          roads.add(new int[] {a, b});
        }
      }
    }
    return new ConstraintGraph(map.cities(), roads);
  }

  /** {@code [city][x, y, isSource, isTarget]}. */
  static float[][] features(RoadMap map, int from, int to) {
    double[][] points = map.coordinates();
    float[][] features = new float[points.length][];
    for (int city = 0; city < points.length; city++) {
      features[city] = new float[] {(float) points[city][0], (float) points[city][1], city == from ? 1 : 0,
          city == to ? 1 : 0};
    }
    return features;
  }

  private static int[] labels(int nodes, int[] path) {
    int[] labels = new int[nodes];
    Arrays.fill(labels, OFF_PATH);
    for (int city : path) {
      labels[city] = ON_PATH;
    }
    return labels;
  }

  /**
   * The map an example's graph and features describe: the coordinates are the features' (floats,
   * as a model sees them), so lengths are recomputed from them for scoring and solving alike.
   */
  static RoadMap mapOf(ConstraintGraph graph, float[][] features) {
    double[][] points = new double[graph.nodes()][];
    for (int city = 0; city < points.length; city++) {
      points[city] = new double[] {features[city][0], features[city][1]};
    }
    return RoadMap.of(points, graph.groups());
  }

  /** The query's ends, read from the features. */
  static int[] ends(float[][] features) {
    int from = -1;
    int to = -1;
    for (int city = 0; city < features.length; city++) {
      from = features[city][2] == 1 ? city : from;
      to = features[city][3] == 1 ? city : to;
    }
    return new int[] {from, to};
  }

  /**
   * Whether the cities labelled {@link #ON_PATH} in {@code output} are those of a path from
   * {@code from} to {@code to} along roads as short as the optimum. A shortest path meets its
   * cities in ascending distance from {@code from}, so the only candidate is the labelled cities in
   * that order.
   */
  static boolean exactPath(RoadMap map, ShortestPaths paths, int from, int to, int[] output) {
    int[] marked = java.util.stream.IntStream.range(0, output.length).filter(city -> output[city] == ON_PATH)
        .boxed().sorted(Comparator.comparingDouble(city -> paths.distance(from, city)))
        .mapToInt(Integer::intValue).toArray();
    return map.isPath(marked, from, to)
        && Math.abs(map.length(marked) - paths.distance(from, to)) <= ShortestPathTask.EXACT_TOLERANCE;
  }

  /** The outcomes per example: whether its marked path is a shortest one. */
  @Override
  public List<Score> score(Dataset answers, Predictions predictions, List<ExampleOutcomes> outcomes) {
    if (!(answers instanceof GraphLabelingDataset data) || !data.hasAnswers() || data.features() == null) {
      throw new IllegalArgumentException("shortest-path-graphs scores a graph labelling dataset with its answers "
          + "and features");
    }
    if (!(predictions instanceof LabelingPredictions labelling)) {
      throw new IllegalArgumentException("shortest-path-graphs needs labelling predictions, got "
          + predictions.getClass().getName());
    }
    RoadMap[] maps = new RoadMap[data.size()];
    ShortestPaths[] paths = new ShortestPaths[data.size()];
    int[][] ends = new int[data.size()][];
    for (int example = 0; example < data.size(); example++) {
      maps[example] = mapOf(data.graphs()[example], data.features()[example]);
      paths[example] = new ShortestPaths(maps[example]);
      ends[example] = ends(data.features()[example]);
    }
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < labelling.iterations().length; i++) {
      int iterations = labelling.iterations()[i];
      BitSet exact = new BitSet(data.size());
      long rightNodes = 0;
      long nodes = 0;
      for (int example = 0; example < data.size(); example++) {
        int[] output = labelling.labels()[i][example];
        int[] solution = data.solutions()[example];
        exact.set(example, exactPath(maps[example], paths[example], ends[example][0], ends[example][1], output));
        for (int node = 0; node < output.length; node++) {
          rightNodes += output[node] == solution[node] ? 1 : 0;
        }
        nodes += output.length;
      }
      ExampleOutcomes shortest = new ExampleOutcomes(PATH_ACCURACY, iterations, data.size(), exact);
      outcomes.add(shortest);
      scores.add(shortest.score());
      scores.add(Score.proportion(NODE_ACCURACY, iterations, rightNodes, Math.toIntExact(nodes)));
    }
    return scores;
  }

  /** Dijkstra on each example's map, from its features and graph alone. */
  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return Optional.of(inputs -> {
      GraphLabelingDataset data = (GraphLabelingDataset) inputs;
      int[][] solved = new int[data.size()][];
      for (int example = 0; example < data.size(); example++) {
        RoadMap map = mapOf(data.graphs()[example], data.features()[example]);
        int[] ends = ends(data.features()[example]);
        solved[example] = labels(map.cities(), new ShortestPaths(map).path(ends[0], ends[1]));
      }
      return new LabelingPredictions(new int[] {1}, new int[][][] {solved});
    });
  }
}
