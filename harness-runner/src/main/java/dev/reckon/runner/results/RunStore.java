package dev.reckon.runner.results;

import dev.reckon.api.Config;
import dev.reckon.runner.execution.CellKey;
import dev.reckon.runner.execution.CellOutcome;
import dev.reckon.runner.execution.CellOutcome.CurvePoint;
import dev.reckon.runner.execution.CellOutcome.LevelScore;
import dev.reckon.runner.execution.CellOutcome.Status;
import dev.reckon.runner.execution.TrainingCollapse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The tables of a run directory. Each finished cell appends its results and training curve and
 * then its line in cells.csv, each flushed: a cell counts as finished only once that line is on
 * disk, and on resume the rows of unfinished cells are dropped and the cells run again.
 */
public final class RunStore {
  static final String[] RESULTS_HEADER = {"model", "task", "train_level", "eval_level", "eval_difficulty",
      "iterations", "metric", "seed", "value", "n", "ci_low", "ci_high"};
  static final String[] CELLS_HEADER = {"model", "task", "train_level", "seed", "status", "reason",
      "trained_iterations", "parameters", "train_seconds", "eval_seconds", "finished_at", "train_data_seed",
      "model_seed", "config", "collapse_update", "collapse"};
  static final String[] TRAINING_HEADER = {"model", "task", "train_level", "seed", "update", "metric", "value",
      "wall_seconds"};

  private final Path directory;
  private final CsvTable results;
  private final CsvTable cells;
  private final CsvTable training;

  public RunStore(Path directory) {
    this.directory = directory;
    this.results = new CsvTable(directory.resolve("results.csv"), RESULTS_HEADER);
    this.cells = new CsvTable(directory.resolve("cells.csv"), CELLS_HEADER);
    this.training = new CsvTable(directory.resolve("training.csv"), TRAINING_HEADER);
  }

  public Path directory() {
    return directory;
  }

  /** Cells whose last line in cells.csv says done or skipped. */
  public Set<CellKey> finishedCells() {
    Map<CellKey, Status> last = new HashMap<>();
    for (CSVRecord row : cells.read()) {
      last.put(key(row), Status.valueOf(row.get("status").toUpperCase(Locale.ROOT)));
    }
    return last.entrySet().stream().filter(e -> e.getValue().finished()).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Drops result and training rows of cells that never finished (a run killed mid-cell). */
  public void discardUnfinished() {
    Set<CellKey> finished = finishedCells();
    results.retain(row -> finished.contains(key(row)));
    training.retain(row -> finished.contains(key(row)));
  }

  /** Appends a finished cell, with the settings its model ran with. */
  public void record(CellOutcome outcome, Config config) {
    CellKey key = outcome.key();
    List<List<Object>> scoreRows = new ArrayList<>();
    for (LevelScore level : outcome.scores()) {
      var s = level.score();
      scoreRows.add(List.of(key.model(), key.task(), key.trainLevel(), level.level(), number(level.difficulty()),
          s.iterations(), s.metric(), key.seed(), number(s.value()), s.n(), number(s.ciLow()), number(s.ciHigh())));
    }
    List<List<Object>> curveRows = new ArrayList<>();
    for (CurvePoint point : outcome.curve()) {
      curveRows.add(List.of(key.model(), key.task(), key.trainLevel(), key.seed(), point.update(), point.metric(),
          number(point.value()), number(point.wallSeconds())));
    }
    results.append(scoreRows);
    training.append(curveRows);
    cells.append(List.of(List.of(key.model(), key.task(), key.trainLevel(), key.seed(),
        outcome.status().name().toLowerCase(Locale.ROOT), outcome.reason(),
        outcome.trainedIterations().isPresent() ? outcome.trainedIterations().getAsInt() : "",
        outcome.parameters(), number(outcome.trainSeconds()), number(outcome.evalSeconds()), outcome.finishedAt(),
        outcome.trainDataSeed(), outcome.modelSeed(), config.asMap(),
        outcome.collapse().map(c -> (Object) c.update()).orElse(""),
        outcome.collapse().map(TrainingCollapse::description).orElse(""))));
  }

  /** Keeps the whole stack trace of a failed cell; cells.csv has the one-line reason. */
  public void logError(CellKey key, Throwable error) {
    try (Writer writer = Files.newBufferedWriter(directory.resolve("errors.log"), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        PrintWriter out = new PrintWriter(writer)) {
      out.println("== " + key);
      error.printStackTrace(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write errors.log in " + directory, e);
    }
  }

  private static CellKey key(CSVRecord row) {
    return new CellKey(row.get("model"), row.get("task"), row.get("train_level"), Long.parseLong(row.get("seed")));
  }

  /** Full precision, machine-independent: the reports round, the table does not. */
  private static String number(double value) {
    return Double.toString(value);
  }
}
