package dev.reckon.reports.format;

import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import java.nio.file.Path;
import java.util.List;

/**
 * The run directory as a format, in one place: its files and folders, each table's columns, the
 * statuses of a cell, the training curves the leaderboards read. The runner writes by these names
 * and every reader (reports, check, merge) reads by them, a table's values by their {@link Column};
 * {@link #VERSION} goes into the manifest as {@code formatVersion} and changes whenever a file or
 * column changes meaning.
 */
public final class RunFormat {
  /**
   * The version of this format. 3 added outcomes.csv and the data's sha256 in cells.csv; readers
   * read version 2 directories as having neither. 4 writes cells.csv's settings as JSON objects
   * rather than Java's map syntax; readers read both ({@link CellSettings}).
   */
  public static final int VERSION = 4;

  public static final String MANIFEST = "manifest.json";
  /** The suite as run, which {@code --resume} replays. */
  public static final String SUITE = "suite.yaml";
  /** The stack trace of every failed cell, and of a write that stopped the run (a full disk). */
  public static final String ERRORS = "errors.log";
  /** Held by the process writing the run. */
  public static final String LOCK = "run.lock";
  public static final String CHECKPOINTS = "checkpoints";
  /** What each cell's process printed, one file a cell. */
  public static final String CELL_OUTPUT = "cell-output";
  public static final String LEADERBOARDS = "leaderboards";
  /** The claims files of the run's plugin jars ({@code ReckonPlugin.CLAIMS_FILE}), one a jar, named after it. */
  public static final String CLAIMS = "claims";
  /**
   * The run's copy of the plugin jars its cells load, one folder a plugin named by its content
   * ({@code plugin-jars/<key>/<jar or plugin folder>}): a jar changed or dropped in a plugin
   * directory mid-run reaches no cell.
   */
  public static final String PLUGIN_JARS = "plugin-jars";

  /** How a cell ended, as cells.csv says it. Done and skipped cells are finished. */
  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";

  /** Training curves every learning model reports, read by the leaderboards and claims (named in the api). */
  public static final String LOSS = TrainingLog.LOSS;
  /** What a model's training update holds in engine arrays, in megabytes. */
  public static final String UPDATE_MEMORY = TrainingLog.UPDATE_MEMORY;
  /** How far the cell's process grew while training, in megabytes; the harness measures it. */
  public static final String RSS_GROWTH = "rss_growth_mb";
  /** Put before a task metric's name for its value on the training batches: {@code train_puzzle_accuracy}. */
  public static final String TRAINING_PREFIX = TrainingLog.TRAINING_PREFIX;

  /** The training FLOPs a model reported, cumulative: a training curve, and a column of cells.csv. */
  public static final String TRAINING_FLOPS = TrainingLog.TRAINING_FLOPS;
  /** The FLOPs one example took at an iteration count: a model's measurement in results.csv. */
  public static final String INFERENCE_FLOPS = Predictions.INFERENCE_FLOPS;
  /** The linear probe's cross-validated R^2 of the token embeddings against the tokens' coordinates. */
  public static final String PROBE_R2 = "probe_r2";
  /** The same probe fitted to coordinates shuffled among the tokens: the control. */
  public static final String PROBE_R2_SHUFFLED = "probe_r2_shuffled";

  private RunFormat() {}

  /**
   * A column of the run directory's tables, by the name its header line gives it. A column means the
   * same in every table that has it: a cell's model, task, training level and seed head each table,
   * and a score has the same columns in results.csv as in budgets.csv. The writer sets every value
   * by its column ({@link TableRow}) and every reader reads by it.
   */
  public enum Column {
    MODEL("model"),
    TASK("task"),
    TRAIN_LEVEL("train_level"),
    SEED("seed"),
    /** The level a score was measured on, and its difficulty. */
    EVAL_LEVEL("eval_level"),
    EVAL_DIFFICULTY("eval_difficulty"),
    /** The iteration count the model was given at inference. */
    ITERATIONS("iterations"),
    METRIC("metric"),
    VALUE("value"),
    /** How many examples a score is over. */
    N("n"),
    /** The 95% interval of a score (Wilson for proportions). */
    CI_LOW("ci_low"),
    CI_HIGH("ci_high"),
    /** How a cell ended: {@link #DONE}, {@link #FAILED} or {@link #SKIPPED}. */
    STATUS("status"),
    /** Why a cell failed or was skipped, in one line. */
    REASON("reason"),
    /** The iteration count the model trained with; empty for a model without one. */
    TRAINED_ITERATIONS("trained_iterations"),
    PARAMETERS("parameters"),
    TRAIN_SECONDS("train_seconds"),
    EVAL_SECONDS("eval_seconds"),
    FINISHED_AT("finished_at"),
    /** The seeds derived for the cell's training data and its model. */
    TRAIN_DATA_SEED("train_data_seed"),
    MODEL_SEED("model_seed"),
    /** Every setting the model declares, at the value it ran with: a JSON object ({@link CellSettings}). */
    CONFIG("config"),
    /** Where the harness saw the cell's training collapse, and what fell; empty when nothing did. */
    COLLAPSE_UPDATE("collapse_update"),
    COLLAPSE("collapse"),
    TASK_SEED("task_seed"),
    /** The task's settings, likewise. */
    TASK_CONFIG("task_config"),
    /** The training FLOPs the model reported: in all (cells.csv), or when it reached a budget (budgets.csv). */
    TRAINING_FLOPS(RunFormat.TRAINING_FLOPS),
    /**
     * The sha256 of the canonical bytes of the training examples the cell generated ({@code
     * Dataset.writeCanonical}); empty when it generated none (a model that does not learn, or one
     * loaded from a checkpoint) or its dataset defines no canonical form.
     */
    TRAIN_DATA_SHA256("train_data_sha256"),
    /**
     * The same of each level's evaluation examples: a JSON object from level id to sha256, in the
     * order the levels were evaluated; a level whose dataset defines no canonical form is absent.
     */
    EVAL_DATA_SHA256("eval_data_sha256"),
    /**
     * Which examples a proportion counted ({@code ExampleOutcomes}): example {@code i} is bit {@code
     * i % 8} of byte {@code i / 8}, the bytes in hexadecimal, two lowercase digits a byte, {@code
     * ceil(n / 8)} bytes ({@link OutcomeBits}).
     */
    OUTCOMES("outcomes"),
    /** The linear probe's fit after training, and its control's; empty without a probe. */
    PROBE_R2(RunFormat.PROBE_R2),
    PROBE_R2_SHUFFLED(RunFormat.PROBE_R2_SHUFFLED),
    /**
     * The seeds trained as one network with a cell's, itself included (1: alone); empty when the cell
     * trained nothing. A grouped seed's {@link #TRAIN_SECONDS} is its share of the group's time.
     */
    SEED_GROUP("seed_group"),
    /** The training update of a curve's point, or the one after which a budget was reached. */
    UPDATE("update"),
    WALL_SECONDS("wall_seconds"),
    /** One of the suite's compute budgets, in training FLOPs. */
    BUDGET_FLOPS("budget_flops");

    private final String id;

    Column(String id) {
      this.id = id;
    }

    /** The column's name in the header line, e.g. {@code train_level}. */
    public String id() {
      return id;
    }
  }

  /** The tables of a run directory, each with its file and columns in order. */
  public enum Table {
    RESULTS("results.csv", Column.MODEL, Column.TASK, Column.TRAIN_LEVEL, Column.EVAL_LEVEL, Column.EVAL_DIFFICULTY,
        Column.ITERATIONS, Column.METRIC, Column.SEED, Column.VALUE, Column.N, Column.CI_LOW, Column.CI_HIGH),
    CELLS("cells.csv", Column.MODEL, Column.TASK, Column.TRAIN_LEVEL, Column.SEED, Column.STATUS, Column.REASON,
        Column.TRAINED_ITERATIONS, Column.PARAMETERS, Column.TRAIN_SECONDS, Column.EVAL_SECONDS, Column.FINISHED_AT,
        Column.TRAIN_DATA_SEED, Column.MODEL_SEED, Column.CONFIG, Column.COLLAPSE_UPDATE, Column.COLLAPSE,
        Column.TASK_SEED, Column.TASK_CONFIG, Column.TRAINING_FLOPS, Column.PROBE_R2, Column.PROBE_R2_SHUFFLED,
        Column.SEED_GROUP, Column.TRAIN_DATA_SHA256, Column.EVAL_DATA_SHA256),
    TRAINING("training.csv", Column.MODEL, Column.TASK, Column.TRAIN_LEVEL, Column.SEED, Column.UPDATE, Column.METRIC,
        Column.VALUE, Column.WALL_SECONDS),
    /**
     * Evaluations during training at the suite's compute budgets: every score, as in results.csv,
     * and the linear probe's fits (metrics {@link #PROBE_R2}, {@link #PROBE_R2_SHUFFLED}, with no
     * level or iteration count).
     */
    BUDGETS("budgets.csv", Column.MODEL, Column.TASK, Column.TRAIN_LEVEL, Column.SEED, Column.BUDGET_FLOPS,
        Column.UPDATE, Column.TRAINING_FLOPS, Column.EVAL_LEVEL, Column.EVAL_DIFFICULTY, Column.ITERATIONS,
        Column.METRIC, Column.VALUE, Column.N, Column.CI_LOW, Column.CI_HIGH),
    /**
     * Per example, which the task's proportions over examples counted, at every evaluated level and
     * iteration count (a row a metric): what pairs two runs example by example. Only tasks that give
     * outcomes have rows; the examples are those of the level's evaluation set, whose sha256 is in
     * cells.csv.
     */
    OUTCOMES("outcomes.csv", Column.MODEL, Column.TASK, Column.TRAIN_LEVEL, Column.SEED, Column.EVAL_LEVEL,
        Column.ITERATIONS, Column.METRIC, Column.N, Column.OUTCOMES);

    private final String file;
    private final List<Column> columns;

    Table(String file, Column... columns) {
      this.file = file;
      this.columns = List.of(columns);
    }

    public String file() {
      return file;
    }

    public List<Column> columns() {
      return columns;
    }

    /** The header line's names, in order. */
    public List<String> header() {
      return columns.stream().map(Column::id).toList();
    }

    public Path in(Path runDirectory) {
      return runDirectory.resolve(file);
    }
  }
}
