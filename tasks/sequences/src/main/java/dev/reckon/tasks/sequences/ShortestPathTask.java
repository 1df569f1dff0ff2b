package dev.reckon.tasks.sequences;

import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.ExampleScoredTask;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortest paths on one fixed map (research note 000's first form): the input is {@code [from,
 * to]}, the answer the cities on the shortest path, both ends included; tokens are city ids. Its
 * factory draws the map from the task seed, so training and evaluation share it.
 *
 * <p>A share of the map's pairs of cities (setting {@code heldOut}) is held out from training. A
 * level {@code hN} holds the held-out pairs whose shortest path takes N roads; only hop counts some
 * such pair has are offered. A level {@code h1-N} (not listed, taken by id) holds the other pairs,
 * of at most N roads, to train on: a model trained on one hop count only ever answers with that many
 * cities, so "train short, test long" trains on all the short paths, and is then scored on pairs it
 * never saw, as long as those (where it must find paths, not recall them) and longer.
 *
 * <p>The answer is the path {@link ShortestPaths} picks among equals, but scoring takes any path
 * as exact that follows roads between the right ends and is as long as the optimum within {@value
 * #EXACT_TOLERANCE}: an equally short detour is as right as the one the data shows.
 */
public final class ShortestPathTask implements ExampleScoredTask {
  /** The hop counts offered as levels, where the map has pairs that far apart. */
  static final int[] HOP_LEVELS = {2, 3, 4, 6, 8, 12, 16, 24, 32};
  static final double EXACT_TOLERANCE = 1e-9;
  private static final Pattern SHORT_PATHS = Pattern.compile("h1-(\\d{1,4})");
  /** The difficulty of every level {@code h1-N}, below any held-out level's hop count. */
  static final double TRAINED_DIFFICULTY = 1;
  /** The hops of the listed training level {@code h1-4}, when the map is that deep. */
  private static final int DEFAULT_TRAINING_HOPS = 4;
  /** A target token's probability is taken as at least this, so that cross-entropy stays finite. */
  static final double MIN_PROBABILITY = 1e-9;

  static final String PATH_ACCURACY = "path_accuracy";
  static final String VALID_PATH_RATE = "valid_path_rate";
  static final String LENGTH_RATIO = "length_ratio";
  static final String TOKEN_CROSS_ENTROPY = "token_cross_entropy";

  private static final List<Metric> METRICS = List.of(
      new Metric(PATH_ACCURACY, Direction.HIGHER_IS_BETTER, Metric.FRACTION,
          "paths between the right ends, along roads, as short as the optimum"),
      new Metric(VALID_PATH_RATE, Direction.HIGHER_IS_BETTER, Metric.FRACTION,
          "paths between the right ends whose consecutive cities are joined by a road"),
      new Metric(LENGTH_RATIO, Direction.LOWER_IS_BETTER, "ratio",
          "length of a valid path over the optimum, over valid paths only; absent where none is valid"),
      new Metric(TOKEN_CROSS_ENTROPY, Direction.LOWER_IS_BETTER, "nats",
          "-ln p of each answer token (p at least 1e-9; a position without p counts as 1e-9), over all answer "
              + "positions; only from models that give target probabilities"));

  private final RoadMap map;
  private final DijkstraSolver solver;
  private final ShortestPaths paths;
  private final List<Level> levels;
  /** A level's id to its pairs {@code [pair][from, to]}: held-out pairs when some are held out. */
  private final Map<String, int[][]> pairs;
  private final SequenceFormat format;
  /** The ordered pairs the training levels {@code h1-N} draw from, by the hops of their shortest path. */
  private final Map<Integer, List<int[]>> trainingPairs;
  /** Whether some pairs are held out: then the training level h1-4 is listed first. */
  private final boolean holdsOut;
  /** The hop count of the longest listed level. */
  private final int longest;

  /** Every pair in every level: nothing held out. */
  ShortestPathTask(RoadMap map) {
    this(map, 0, 0);
  }

  /**
   * @param heldOut the share of the map's pairs of cities (both directions together) kept out of
   *     the training levels {@code h1-N}: the levels {@code hN} draw only from them, so that a
   *     model is scored on paths it never saw and must find them, not recall them. 0 holds none
   *     out: every level draws from every pair.
   * @param splitSeed chooses the held-out pairs
   */
  ShortestPathTask(RoadMap map, double heldOut, long splitSeed) {
    if (!(heldOut >= 0 && heldOut < 1)) {
      throw new IllegalArgumentException("setting 'heldOut' must be at least 0 and below 1, got " + heldOut);
    }
    this.map = map;
    this.solver = new DijkstraSolver(map);
    this.paths = solver.paths();
    int cities = map.cities();
    boolean[][] held = new boolean[cities][cities];
    SplittableRandom split = new SplittableRandom(splitSeed);
    for (int from = 0; from < cities; from++) {
      for (int to = from + 1; to < cities; to++) {
        held[from][to] = held[to][from] = split.nextDouble() < heldOut;
      }
    }
    Map<Integer, List<int[]>> evaluated = new LinkedHashMap<>();
    this.trainingPairs = new LinkedHashMap<>();
    for (int from = 0; from < cities; from++) {
      for (int to = 0; to < cities; to++) {
        if (from != to) {
          int hops = paths.hops(from, to);
          if (heldOut == 0 || held[from][to]) {
            evaluated.computeIfAbsent(hops, h -> new ArrayList<>()).add(new int[] {from, to});
          }
          if (heldOut == 0 || !held[from][to]) {
            trainingPairs.computeIfAbsent(hops, h -> new ArrayList<>()).add(new int[] {from, to});
          }
        }
      }
    }
    List<Level> offered = new ArrayList<>();
    this.pairs = new LinkedHashMap<>();
    int longest = 0;
    for (int hops : HOP_LEVELS) {
      List<int[]> level = evaluated.get(hops);
      if (level != null) {
        String id = "h" + hops;
        offered.add(new Level(id, hops, String.format(Locale.ROOT, "shortest paths of %d roads between the map's "
            + "%d %ssuch ordered pairs, each once while they last", hops, level.size(), heldOut == 0 ? "" : "held-out ")));
        pairs.put(id, level.toArray(int[][]::new));
        longest = hops;
      }
    }
    if (offered.isEmpty()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the map of %d cities has no %sshortest path of"
          + " %d roads or more; no level can be made: more cities, fewer neighbours or more held out", cities,
          heldOut == 0 ? "" : "held-out ", HOP_LEVELS[0]));
    }
    this.holdsOut = heldOut > 0;
    this.longest = longest;
    if (holdsOut) {
      // The easiest listed level is a suite's default training level: the trained pairs, never the held-out ones.
      offered.add(0, level("h1-" + Math.min(DEFAULT_TRAINING_HOPS, longest)));
    }
    this.levels = List.copyOf(offered);
    this.format = new SequenceFormat(cities, 2, longest + 1);
  }

  @Override
  public SequenceFormat format() {
    return format;
  }

  @Override
  public List<Level> levels() {
    return levels;
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  /**
   * A listed level, or {@code h1-N}: every training pair of at most N hops, N up to the longest
   * level. Its difficulty is {@value #TRAINED_DIFFICULTY} whatever N: pairs a model may have seen
   * are easier than any held-out ones, which are all "harder".
   */
  @Override
  public Level level(String id) {
    int most = shortPathsBound(id);
    if (most == 0) {
      return ExampleScoredTask.super.level(id);
    }
    return new Level(id, TRAINED_DIFFICULTY, String.format(Locale.ROOT, "shortest paths of 1 to %d roads, drawn from "
        + "the map's %d such ordered pairs%s", most, shortPairs(most).length, holdsOut ? " that are not held out" : ""));
  }

  /** N of a level {@code h1-N}, or 0 for any other id; N out of range is refused by name. */
  private int shortPathsBound(String id) {
    Matcher matcher = SHORT_PATHS.matcher(id);
    if (!matcher.matches()) {
      return 0;
    }
    int most = Integer.parseInt(matcher.group(1));
    if (most < 1 || most > longest) {
      throw new IllegalArgumentException("level '" + id + "' holds paths of 1 to " + most + " roads; " + most
          + " must be from 1 to " + longest + ", the longest level of this map");
    }
    return most;
  }

  private int[][] shortPairs(int most) {
    return trainingPairs.entrySet().stream().filter(e -> e.getKey() <= most).flatMap(e -> e.getValue().stream())
        .toArray(int[][]::new);
  }

  /**
   * A level {@code hN} gives its pairs in an order the seed shuffles, each once until all are
   * given (an interval over repeated pairs would claim more than was measured; a suite's evalSize
   * should not exceed a level's pairs); {@code h1-N} draws training pairs with replacement.
   */
  @Override
  public SequenceDataset generate(Level level, int count, long seed) {
    Level known = level(level.id());
    SplittableRandom random = new SplittableRandom(seed);
    int[][] inputs = new int[count][];
    if (pairs.containsKey(known.id())) {
      int[][] order = pairs.get(known.id()).clone();
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int[] swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      for (int example = 0; example < count; example++) {
        inputs[example] = order[example % order.length].clone();
      }
    } else {
      int[][] candidates = shortPairs(shortPathsBound(known.id()));
      for (int example = 0; example < count; example++) {
        inputs[example] = candidates[random.nextInt(candidates.length)].clone();
      }
    }
    int[][] targets = new int[count][];
    for (int example = 0; example < count; example++) {
      targets[example] = paths.path(inputs[example][0], inputs[example][1]);
    }
    return new SequenceDataset(format.vocabulary(), format.maxOutputLength(), inputs, targets);
  }

  /** The outcomes per example: whether its path is a shortest one, and whether it is a path at all. */
  @Override
  public List<Score> score(Dataset answers, Predictions predictions, List<ExampleOutcomes> outcomes) {
    if (!(answers instanceof SequenceDataset data) || !data.hasAnswers()) {
      throw new IllegalArgumentException("shortest-path scores a sequence dataset with its answers");
    }
    if (!(predictions instanceof SequencePredictions sequences)) {
      throw new IllegalArgumentException("shortest-path needs sequence predictions, got "
          + predictions.getClass().getName());
    }
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < sequences.iterations().length; i++) {
      int iterations = sequences.iterations()[i];
      BitSet exact = new BitSet(data.size());
      BitSet isPath = new BitSet(data.size());
      double[] ratios = new double[data.size()];
      int valid = 0;
      for (int example = 0; example < data.size(); example++) {
        int[] output = sequences.tokens()[i][example];
        int from = data.inputs()[example][0];
        int to = data.inputs()[example][1];
        if (map.isPath(output, from, to)) {
          double optimum = map.length(data.targets()[example]);
          double length = map.length(output);
          exact.set(example, Math.abs(length - optimum) <= EXACT_TOLERANCE);
          isPath.set(example);
          ratios[valid++] = length / optimum;
        }
      }
      ExampleOutcomes shortest = new ExampleOutcomes(PATH_ACCURACY, iterations, data.size(), exact);
      ExampleOutcomes validPaths = new ExampleOutcomes(VALID_PATH_RATE, iterations, data.size(), isPath);
      outcomes.addAll(List.of(shortest, validPaths));
      scores.add(shortest.score());
      scores.add(validPaths.score());
      // A score needs a sample: with no valid path the ratio is not defined, and is left out.
      if (valid > 0) {
        scores.add(Score.mean(LENGTH_RATIO, iterations, Arrays.copyOf(ratios, valid)));
      }
      if (sequences.tokenProbabilities() != null) {
        scores.add(Score.mean(TOKEN_CROSS_ENTROPY, iterations,
            crossEntropies(data.targets(), answerProbabilities(data.targets(), sequences.tokenProbabilities()[i]))));
      } else if (sequences.targetProbabilities() != null) {
        scores.add(Score.mean(TOKEN_CROSS_ENTROPY, iterations,
            crossEntropies(data.targets(), sequences.targetProbabilities()[i])));
      }
    }
    return scores;
  }

  /** The probability each example's distributions give its answer's token at each position they cover. */
  private static float[][] answerProbabilities(int[][] targets, float[][][] distributions) {
    float[][] given = new float[targets.length][];
    for (int example = 0; example < targets.length; example++) {
      float[][] positions = distributions[example];
      given[example] = new float[Math.min(positions.length, targets[example].length)];
      for (int position = 0; position < given[example].length; position++) {
        given[example][position] = positions[position][targets[example][position]];
      }
    }
    return given;
  }

  /** {@code -ln p} at every answer position of every example, {@code p} clamped at {@value #MIN_PROBABILITY}. */
  private static double[] crossEntropies(int[][] targets, float[][] probabilities) {
    int positions = 0;
    for (int[] target : targets) {
      positions += target.length;
    }
    double[] samples = new double[positions];
    int next = 0;
    for (int example = 0; example < targets.length; example++) {
      float[] given = probabilities[example];
      for (int position = 0; position < targets[example].length; position++) {
        double p = given == null || position >= given.length ? 0 : given[position];
        samples[next++] = -Math.log(Math.max(p, MIN_PROBABILITY));
      }
    }
    return samples;
  }

  /** Where the cities lie: a model's city embeddings are probed for them. */
  @Override
  public Optional<double[][]> tokenCoordinates() {
    return Optional.of(map.coordinates());
  }

  @Override
  public List<String> classicalReferences() {
    return List.of(BellmanFordFactory.ID);
  }

  /** Dijkstra's paths, read from the table made with the map. */
  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return Optional.of(solver);
  }
}
