package dev.reckon.tck;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Score;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.api.TrainingLog;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plugin small enough to read whole, with one defect chosen per test: a task of rows of four
 * cells holding 1..4 once each, the first cells blank and ascending, and a model that fills them
 * (wrong now and then), so that each check is seen to pass on the sound plugin and to fail on the
 * defect it is there for.
 */
final class RowsPlugin implements ReckonPlugin {
  /** What is wrong with the plugin; {@link #NONE} for the sound one. */
  enum Defect {
    NONE,
    DATA_FROM_A_COUNTER,
    DATA_IGNORES_SEED,
    LEVELS_HARDEST_FIRST,
    SOLVER_WRONG_ON_ONE,
    MODEL_WRITES_INTO_INPUTS,
    MODEL_ACCEPTS_ANY_SHAPE,
    MODEL_PREDICTS_FROM_THE_CLOCK,
    MODEL_LEARNS_WITHOUT_LOSS,
    MODEL_ITERATIONS_DESCENDING
  }

  private static final int CELLS = 4;
  private static final ConstraintGraph ROW = new ConstraintGraph(CELLS, List.of(new int[] {0, 1, 2, 3}));
  private static final LabelingFormat FORMAT = new LabelingFormat(LabelingFormat.Graphs.SHARED,
      LabelingFormat.Constraint.EVERY_LABEL_ONCE, CELLS);
  private static final AtomicLong COUNTER = new AtomicLong();

  private final Defect defect;

  RowsPlugin(Defect defect) {
    this.defect = defect;
  }

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new TaskFactory() {
      @Override
      public String id() {
        return "rows";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Task create(TaskContext context) {
        return new Rows();
      }
    });
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new ModelFactory() {
      @Override
      public String id() {
        return "filler";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Support supports(Task task) {
        return defect == Defect.MODEL_ACCEPTS_ANY_SHAPE || task.format() instanceof LabelingFormat ? Support.yes()
            : Support.no("fills rows of labels only");
      }

      @Override
      public boolean learns() {
        return defect == Defect.MODEL_LEARNS_WITHOUT_LOSS;
      }

      @Override
      public Model create(ModelContext context) {
        return new Filler(context.seed());
      }
    });
  }

  private final class Rows implements Task {
    @Override
    public LabelingFormat format() {
      return FORMAT;
    }

    @Override
    public List<Level> levels() {
      Level easy = new Level("b1", 1, "one blank");
      Level hard = new Level("b3", 3, "three blanks");
      return defect == Defect.LEVELS_HARDEST_FIRST ? List.of(hard, easy) : List.of(easy, hard);
    }

    @Override
    public List<Metric> metrics() {
      return List.of(new Metric("row_accuracy", Metric.Direction.HIGHER_IS_BETTER, Metric.FRACTION, "rows right"));
    }

    @Override
    public Dataset generate(Level level, int count, long seed) {
      SplittableRandom random = new SplittableRandom(switch (defect) {
        case DATA_FROM_A_COUNTER -> COUNTER.incrementAndGet();
        case DATA_IGNORES_SEED -> 1;
        default -> seed;
      });
      int[][] givens = new int[count][];
      int[][] solutions = new int[count][];
      for (int example = 0; example < count; example++) {
        int[] row = {1, 2, 3, 4};
        for (int i = CELLS - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int swap = row[i];
          row[i] = row[j];
          row[j] = swap;
        }
        int blanks = (int) level.difficulty();
        java.util.Arrays.sort(row, 0, blanks); // the rule that makes the blanks solvable: they ascend
        solutions[example] = row;
        givens[example] = row.clone();
        for (int blank = 0; blank < blanks; blank++) {
          givens[example][blank] = 0;
        }
      }
      return new LabelingDataset(ROW, CELLS, givens, solutions);
    }

    @Override
    public List<Score> score(Dataset answers, Predictions predictions) {
      int[][] solutions = ((LabelingDataset) answers).solutions();
      LabelingPredictions labels = (LabelingPredictions) predictions;
      return java.util.stream.IntStream.range(0, labels.iterations().length).mapToObj(i -> {
        long right = java.util.stream.IntStream.range(0, solutions.length)
            .filter(example -> java.util.Arrays.equals(solutions[example], labels.labels()[i][example])).count();
        return Score.proportion("row_accuracy", labels.iterations()[i], right, solutions.length);
      }).toList();
    }

    @Override
    public Optional<ReferenceSolver> referenceSolver() {
      return Optional.of(inputs -> {
        int[][] givens = ((LabelingDataset) inputs).givens();
        int[][] filled = new int[givens.length][];
        for (int example = 0; example < givens.length; example++) {
          filled[example] = ascending(givens[example]);
        }
        if (defect == Defect.SOLVER_WRONG_ON_ONE) {
          int[] row = filled[0];
          int swap = row[0];
          row[0] = row[1];
          row[1] = swap;
        }
        return new LabelingPredictions(new int[] {1}, new int[][][] {filled});
      });
    }
  }

  /** The labels missing from a row, put into its blanks in ascending order: the task's rule. */
  private static int[] ascending(int[] givens) {
    int[] row = givens.clone();
    for (int label = 1; label <= CELLS; label++) {
      final int wanted = label;
      if (java.util.Arrays.stream(row).noneMatch(l -> l == wanted)) {
        for (int i = 0; i < CELLS; i++) {
          if (row[i] == 0) {
            row[i] = label;
            break;
          }
        }
      }
    }
    return row;
  }

  private final class Filler implements Model {
    private final SplittableRandom random;

    Filler(long seed) {
      this.random = new SplittableRandom(defect == Defect.MODEL_PREDICTS_FROM_THE_CLOCK ? System.nanoTime() : seed);
    }

    @Override
    public void train(Dataset training, TrainingLog log) {
      log.record(1, "not_the_loss", 0.5);
    }

    @Override
    public Predictions predict(Dataset inputs) {
      int[][] givens = ((LabelingDataset) inputs).givens();
      int[][] filled = new int[givens.length][];
      for (int example = 0; example < givens.length; example++) {
        filled[example] = ascending(givens[example]);
        if (random.nextBoolean()) {
          filled[example][CELLS - 1] = 1 + random.nextInt(CELLS);
        }
        if (defect == Defect.MODEL_WRITES_INTO_INPUTS) {
          givens[example][0] = filled[example][0];
        }
      }
      int[] iterations = defect == Defect.MODEL_ITERATIONS_DESCENDING ? new int[] {2, 1} : new int[] {1, 2};
      return new LabelingPredictions(iterations, new int[][][] {filled, filled});
    }
  }
}
