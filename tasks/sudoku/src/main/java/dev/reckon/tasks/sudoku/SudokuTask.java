package dev.reckon.tasks.sudoku;

import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.ExampleScoredTask;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Sudoku of side 4, 6 or 9 as a labelling task on its constraint graph. Levels are generated
 * puzzles by number of blanks ({@code b12}: 12 blanks) and {@code minimal} puzzles, from which no
 * given can be removed; {@code file:PATH} evaluates on published puzzles (see {@link PuzzleFile}).
 */
public final class SudokuTask implements ExampleScoredTask {
  static final String FILE_LEVEL = "file:";
  /** Puzzles behind the stated difficulty of the minimal level: the mean number of blanks. */
  private static final int MINIMAL_SAMPLE = 40;
  /** Puzzles of a file level read to describe it: its difficulty is their mean number of blanks. */
  static final int FILE_SAMPLE = 1000;

  private static final List<Metric> METRICS = List.of(
      new Metric("puzzle_accuracy", Direction.HIGHER_IS_BETTER, Metric.FRACTION, "puzzles with every cell right"),
      new Metric("cell_accuracy", Direction.HIGHER_IS_BETTER, Metric.FRACTION, "blank cells labelled right"),
      new Metric("violation_rate", Direction.LOWER_IS_BETTER, Metric.FRACTION,
          "outputs with a label repeated in a row, column or box, a label out of range, or a given changed"));

  private final SudokuShape shape;
  private final LabelingFormat format;
  private final ConstraintGraph graph;
  private final List<int[]> groups;
  private final SudokuGenerator generator;
  private final int[] blankLevels;
  private List<Level> levels;
  /** File levels described so far: the planner asks for a level more than once. */
  private final Map<String, Level> fileLevels = new ConcurrentHashMap<>();

  private SudokuTask(SudokuShape shape, int... blankLevels) {
    this.shape = shape;
    // Every puzzle labels the same grid, whose rows, columns and boxes hold each label exactly once.
    this.format = new LabelingFormat(Graphs.SHARED, Constraint.EVERY_LABEL_ONCE, shape.side());
    this.graph = shape.graph();
    this.groups = shape.groups();
    this.generator = new SudokuGenerator(shape);
    this.blankLevels = blankLevels.clone();
  }

  /** The task for side 4 (2x2 boxes), 6 (2x3) or 9 (3x3). */
  public static SudokuTask ofSide(int side) {
    return switch (side) {
      case 4 -> new SudokuTask(SudokuShape.ofSide(4), 4, 6, 8);
      case 6 -> new SudokuTask(SudokuShape.ofSide(6), 8, 12, 16, 20);
      case 9 -> new SudokuTask(SudokuShape.ofSide(9), 36, 44, 50, 54);
      default -> throw new IllegalArgumentException("no Sudoku of side " + side + "; sides are 4, 6 and 9");
    };
  }

  @Override
  public LabelingFormat format() {
    return format;
  }

  @Override
  public synchronized List<Level> levels() {
    if (levels == null) {
      List<Level> all = new ArrayList<>();
      for (int blanks : blankLevels) {
        all.add(new Level("b" + blanks, blanks, blanks + " blanks, " + (shape.cells() - blanks) + " givens"));
      }
      double meanBlanks = IntStream.range(0, MINIMAL_SAMPLE)
          .mapToDouble(i -> blanks(generator.puzzle(SudokuGenerator.MINIMAL, new SplittableRandom(i))[0]))
          .average().orElseThrow();
      all.add(new Level("minimal", meanBlanks, String.format(Locale.ROOT,
          "no given can be removed; %.1f blanks on average over %d puzzles", meanBlanks, MINIMAL_SAMPLE)));
      levels = List.copyOf(all);
    }
    return levels;
  }

  /**
   * A generated level, or {@code file:PATH}: published puzzles, of which only the first {@value
   * #FILE_SAMPLE} (and one more, to tell whether there are more) are read to describe the level, so
   * that a file of any size is described at once; a malformed line or a puzzle without exactly one
   * solution among them is reported here, before anything runs.
   */
  @Override
  public Level level(String id) {
    if (!id.startsWith(FILE_LEVEL)) {
      return ExampleScoredTask.super.level(id);
    }
    return fileLevels.computeIfAbsent(id, this::fileLevel);
  }

  private Level fileLevel(String id) {
    Path file = Path.of(id.substring(FILE_LEVEL.length()));
    List<int[][]> sample = PuzzleFile.read(file, shape, FILE_SAMPLE + 1);
    if (sample.size() <= FILE_SAMPLE) {
      double meanBlanks = sample.stream().mapToInt(p -> blanks(p[0])).average().orElseThrow();
      return new Level(id, meanBlanks, sample.size() + " published puzzles from " + file);
    }
    double meanBlanks = sample.subList(0, FILE_SAMPLE).stream().mapToInt(p -> blanks(p[0])).average().orElseThrow();
    return new Level(id, meanBlanks, String.format(Locale.ROOT, "more than %d published puzzles from %s; %.1f blanks "
        + "on average over the first %d", FILE_SAMPLE, file, meanBlanks, FILE_SAMPLE));
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  /** Generated levels are drawn from {@code seed}; a file level takes its first {@code count} puzzles. */
  @Override
  public LabelingDataset generate(Level level, int count, long seed) {
    List<int[][]> puzzles;
    if (level.id().startsWith(FILE_LEVEL)) {
      // Streamed: the first count puzzles are read, the rest of the file is not.
      puzzles = PuzzleFile.read(Path.of(level.id().substring(FILE_LEVEL.length())), shape, count);
    } else {
      int blanks = level.id().equals("minimal") ? SudokuGenerator.MINIMAL : Integer.parseInt(level.id().substring(1));
      SplittableRandom random = new SplittableRandom(seed);
      puzzles = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        puzzles.add(generator.puzzle(blanks, random));
      }
    }
    return new LabelingDataset(graph, shape.side(), puzzles.stream().map(p -> p[0]).toArray(int[][]::new),
        puzzles.stream().map(p -> p[1]).toArray(int[][]::new));
  }

  /** The outcomes per example: whether its puzzle is solved, and whether its output breaks a rule. */
  @Override
  public List<Score> score(Dataset answers, Predictions predictions, List<ExampleOutcomes> outcomes) {
    if (!(answers instanceof LabelingDataset data) || !data.hasAnswers()) {
      throw new IllegalArgumentException("sudoku scores a labelling dataset with its answers");
    }
    if (!(predictions instanceof LabelingPredictions labelling)) {
      throw new IllegalArgumentException("sudoku needs labelling predictions, got " + predictions.getClass().getName());
    }
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < labelling.iterations().length; i++) {
      int iterations = labelling.iterations()[i];
      int[][] outputs = labelling.labels()[i];
      if (outputs.length != data.size()) {
        throw new IllegalArgumentException("predictions at " + iterations + " iterations hold " + outputs.length
            + " puzzles, the dataset " + data.size());
      }
      BitSet solved = new BitSet(data.size());
      BitSet violated = new BitSet(data.size());
      long rightBlanks = 0;
      long blanks = 0;
      for (int p = 0; p < data.size(); p++) {
        int[] given = data.givens()[p];
        int[] solution = data.solutions()[p];
        int[] output = outputs[p];
        if (output.length != given.length) {
          throw new IllegalArgumentException("prediction " + p + " at " + iterations + " iterations has "
              + output.length + " cells, the puzzle " + given.length);
        }
        boolean allRight = true;
        for (int cell = 0; cell < given.length; cell++) {
          boolean right = output[cell] == solution[cell];
          allRight &= right;
          if (given[cell] == 0) {
            blanks++;
            rightBlanks += right ? 1 : 0;
          }
        }
        solved.set(p, allRight);
        violated.set(p, violates(given, output));
      }
      ExampleOutcomes puzzles = new ExampleOutcomes("puzzle_accuracy", iterations, data.size(), solved);
      ExampleOutcomes violations = new ExampleOutcomes("violation_rate", iterations, data.size(), violated);
      outcomes.addAll(List.of(puzzles, violations));
      scores.add(puzzles.score());
      scores.add(Score.proportion("cell_accuracy", iterations, rightBlanks, Math.toIntExact(blanks)));
      scores.add(violations.score());
    }
    return scores;
  }

  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    SudokuSolver solver = new SudokuSolver(shape);
    return Optional.of(inputs -> {
      int[][] givens = ((LabelingDataset) inputs).givens();
      int[][] solved = new int[givens.length][];
      for (int p = 0; p < givens.length; p++) {
        solved[p] = solver.solve(givens[p]);
        if (solved[p] == null) {
          throw new IllegalArgumentException("puzzle " + p + " has no solution");
        }
      }
      return new LabelingPredictions(new int[] {1}, new int[][][] {solved});
    });
  }

  private boolean violates(int[] given, int[] output) {
    for (int cell = 0; cell < given.length; cell++) {
      if (output[cell] < 1 || output[cell] > shape.side() || (given[cell] != 0 && given[cell] != output[cell])) {
        return true;
      }
    }
    for (int[] group : groups) {
      int seen = 0;
      for (int cell : group) {
        int bit = 1 << output[cell];
        if ((seen & bit) != 0) {
          return true;
        }
        seen |= bit;
      }
    }
    return false;
  }

  private static int blanks(int[] givens) {
    return (int) IntStream.of(givens).filter(label -> label == 0).count();
  }
}
