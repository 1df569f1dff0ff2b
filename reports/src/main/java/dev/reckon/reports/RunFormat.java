package dev.reckon.reports;

import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import java.nio.file.Path;
import java.util.List;

/**
 * The run directory as a format, in one place: its files and folders, each table's columns, the
 * statuses of a cell, the training curves the leaderboards read. The runner writes by these names
 * and every reader (reports, check, merge) reads by them; {@link #VERSION} goes into the manifest
 * as {@code formatVersion} and changes whenever a file or column changes meaning.
 */
public final class RunFormat {
  /** The version of this format. */
  public static final int VERSION = 1;

  public static final String MANIFEST = "manifest.json";
  /** The suite as run, which {@code --resume} replays. */
  public static final String SUITE = "suite.yaml";
  /** The stack trace of every failed cell. */
  public static final String ERRORS = "errors.log";
  /** Held by the process writing the run. */
  public static final String LOCK = "run.lock";
  public static final String CHECKPOINTS = "checkpoints";
  /** What each cell's process printed, one file a cell. */
  public static final String CELL_OUTPUT = "cell-output";
  public static final String LEADERBOARDS = "leaderboards";
  /** The claims files of the run's plugin jars ({@code ReckonPlugin.CLAIMS_FILE}), one a jar, named after it. */
  public static final String CLAIMS = "claims";

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

  /** The tables of a run directory, each with its file and columns in order. */
  public enum Table {
    RESULTS("results.csv", "model", "task", "train_level", "eval_level", "eval_difficulty", "iterations", "metric",
        "seed", "value", "n", "ci_low", "ci_high"),
    CELLS("cells.csv", "model", "task", "train_level", "seed", "status", "reason", "trained_iterations", "parameters",
        "train_seconds", "eval_seconds", "finished_at", "train_data_seed", "model_seed", "config", "collapse_update",
        "collapse", "task_seed", "task_config", "training_flops", "probe_r2", "probe_r2_shuffled"),
    TRAINING("training.csv", "model", "task", "train_level", "seed", "update", "metric", "value", "wall_seconds"),
    /**
     * Evaluations during training at the suite's compute budgets: every score, as in results.csv,
     * and the linear probe's fits (metrics {@link #PROBE_R2}, {@link #PROBE_R2_SHUFFLED}, with no
     * level or iteration count).
     */
    BUDGETS("budgets.csv", "model", "task", "train_level", "seed", "budget_flops", "update", "training_flops",
        "eval_level", "eval_difficulty", "iterations", "metric", "value", "n", "ci_low", "ci_high");

    private final String file;
    private final List<String> columns;

    Table(String file, String... columns) {
      this.file = file;
      this.columns = List.of(columns);
    }

    public String file() {
      return file;
    }

    public List<String> columns() {
      return columns;
    }

    public Path in(Path runDirectory) {
      return runDirectory.resolve(file);
    }
  }
}
