package dev.reckon.runner.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.api.Config;
import dev.reckon.api.Score;
import dev.reckon.reports.format.CellSettings;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunFormat.Table;
import dev.reckon.reports.format.TableRow;
import dev.reckon.runner.execution.CellKey;
import dev.reckon.runner.execution.CellOutcome;
import dev.reckon.runner.execution.CellRecorder;
import dev.reckon.runner.execution.CellOutcome.Budget;
import dev.reckon.runner.execution.CellOutcome.BudgetScore;
import dev.reckon.runner.execution.CellOutcome.Compute;
import dev.reckon.runner.execution.CellOutcome.CurvePoint;
import dev.reckon.runner.execution.CellOutcome.ProbeFit;
import dev.reckon.runner.execution.CellOutcome.LevelOutcomes;
import dev.reckon.runner.execution.CellOutcome.LevelScore;
import dev.reckon.runner.execution.CellOutcome.Status;
import dev.reckon.runner.execution.TrainingCollapse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The tables of a run directory. Each finished cell appends its results, training curve,
 * evaluations at compute budgets and per-example outcomes, and then its line in cells.csv, each
 * flushed: a cell counts as finished only once that line is on disk, and on resume the rows of
 * unfinished cells are dropped and the cells run again.
 */
public final class RunStore implements CellRecorder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final CsvTable results;
  private final CsvTable cells;
  private final CsvTable training;
  private final CsvTable compute;
  private final CsvTable outcomes;

  public RunStore(Path directory) {
    this.directory = directory;
    this.results = CsvTable.of(Table.RESULTS, directory);
    this.cells = CsvTable.of(Table.CELLS, directory);
    this.training = CsvTable.of(Table.TRAINING, directory);
    this.compute = CsvTable.of(Table.BUDGETS, directory);
    this.outcomes = CsvTable.of(Table.OUTCOMES, directory);
  }

  /** Every table, cells.csv last: its line is what makes a cell finished. */
  private List<CsvTable> tables() {
    return List.of(results, training, compute, outcomes, cells);
  }

  public Path directory() {
    return directory;
  }

  /** Cells whose last line in cells.csv says done or skipped. */
  @Override
  public Set<CellKey> finishedCells() {
    Map<CellKey, Status> last = new HashMap<>();
    for (CSVRecord row : cells.read()) {
      last.put(key(row), Status.of(row.get(Column.STATUS.id())));
    }
    return last.entrySet().stream().filter(e -> e.getValue().finished()).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Drops what an interrupted attempt left half-written: a torn last line of any table, and the
   * rows of cells that never finished (a run killed mid-cell). A torn line may be a finished cell's
   * too (a copy or a disk cut it after the fact): that cell counts as unfinished, so it loses its
   * other rows and runs again. A table begun by an earlier format version gets this version's
   * header, so that a run of format 2 resumes as one of this format, without the outcomes and
   * sha256 of the cells it finished before.
   *
   * @return a warning for each torn line dropped
   */
  public List<String> discardUnfinished() {
    Map<CsvTable, CsvTable.TornLine> torn = new LinkedHashMap<>();
    for (CsvTable table : tables()) {
      table.dropTornTail().ifPresent(line -> torn.put(table, line));
    }
    for (CsvTable table : tables()) {
      table.upgrade();
    }
    Set<CellKey> finished = new HashSet<>(finishedCells());
    Set<CellKey> rerun = new HashSet<>();
    List<String> repaired = new ArrayList<>();
    for (Map.Entry<CsvTable, CsvTable.TornLine> line : torn.entrySet()) {
      // A torn line of cells.csv is its cell's status line: that cell is unfinished already.
      List<CellKey> cut = line.getKey() == cells ? List.of() : finished.stream()
          .filter(key -> mayBeOf(line.getKey().table(), line.getValue(), key))
          .sorted(Comparator.comparing(CellKey::toString)).toList();
      rerun.addAll(cut);
      repaired.add(line.getKey().file().getFileName() + " ended in a torn line (" + line.getValue().bytes()
          + " bytes, a write cut short); it was dropped and its cell runs again"
          + (cut.isEmpty() ? "" : " (" + cut.stream().map(CellKey::toString).collect(Collectors.joining(", "))
              + ", finished before: its rows are removed)"));
    }
    if (!rerun.isEmpty()) {
      cells.retain(row -> !rerun.contains(key(row)));
    }
    finished.removeAll(rerun);
    results.retain(row -> finished.contains(key(row)));
    training.retain(row -> finished.contains(key(row)));
    compute.retain(row -> finished.contains(key(row)));
    outcomes.retain(row -> finished.contains(key(row)));
    return repaired;
  }

  /**
   * Whether {@code torn}, the start of a row of {@code table}, may be one of cell {@code key}'s:
   * each of the cell's columns it got to holds the cell's value, the last one it reached perhaps
   * only its start. A line cut before the cell's columns may be any cell's.
   */
  private static boolean mayBeOf(Table table, CsvTable.TornLine torn, CellKey key) {
    Map<Column, String> values = Map.of(Column.MODEL, key.model(), Column.TASK, key.task(), Column.TRAIN_LEVEL,
        key.trainLevel(), Column.SEED, Long.toString(key.seed()));
    List<String> fields = torn.fields();
    for (Map.Entry<Column, String> value : values.entrySet()) {
      int at = table.columns().indexOf(value.getKey());
      boolean agrees = at >= fields.size() || (at == fields.size() - 1 ? value.getValue().startsWith(fields.get(at))
          : value.getValue().equals(fields.get(at)));
      if (!agrees) {
        return false;
      }
    }
    return true;
  }

  /** Appends a finished cell, with the settings its model and task ran with and the task's seed. */
  @Override
  public void record(CellOutcome outcome, Config modelConfig, Config taskConfig, long taskSeed) {
    CellKey key = outcome.key();
    List<TableRow> scoreRows = new ArrayList<>();
    for (LevelScore level : outcome.scores()) {
      scoreRows.add(score(row(Table.RESULTS, key), level));
    }
    List<TableRow> curveRows = new ArrayList<>();
    for (CurvePoint point : outcome.curve()) {
      curveRows.add(row(Table.TRAINING, key).set(Column.UPDATE, point.update()).set(Column.METRIC, point.metric())
          .set(Column.VALUE, number(point.value())).set(Column.WALL_SECONDS, number(point.wallSeconds())));
    }
    Compute measured = outcome.compute();
    List<TableRow> computeRows = new ArrayList<>();
    for (BudgetScore budgetScore : measured.budgets()) {
      computeRows.add(score(budget(key, budgetScore.at()), budgetScore.score()));
    }
    for (ProbeFit fit : measured.probes()) {
      for (var metric : List.of(Map.entry(RunFormat.PROBE_R2, fit.r2()),
          Map.entry(RunFormat.PROBE_R2_SHUFFLED, fit.shuffledR2()))) {
        // a fit of the probe has no level, iteration count or interval
        computeRows.add(budget(key, fit.at()).set(Column.EVAL_LEVEL, "").set(Column.EVAL_DIFFICULTY, "")
            .set(Column.ITERATIONS, "").set(Column.METRIC, metric.getKey()).set(Column.VALUE, number(metric.getValue()))
            .set(Column.N, fit.tokens()).set(Column.CI_LOW, "").set(Column.CI_HIGH, ""));
      }
    }
    List<TableRow> outcomeRows = new ArrayList<>();
    for (LevelOutcomes level : outcome.examples().outcomes()) {
      outcomeRows.add(row(Table.OUTCOMES, key).set(Column.EVAL_LEVEL, level.level())
          .set(Column.ITERATIONS, level.iterations()).set(Column.METRIC, level.metric()).set(Column.N, level.n())
          .set(Column.OUTCOMES, level.counted()));
    }
    results.append(scoreRows);
    training.append(curveRows);
    compute.append(computeRows);
    outcomes.append(outcomeRows);
    cells.append(List.of(row(Table.CELLS, key)
        .set(Column.STATUS, outcome.status().word())
        .set(Column.REASON, outcome.reason())
        .set(Column.TRAINED_ITERATIONS, outcome.trainedIterations().isPresent()
            ? outcome.trainedIterations().getAsInt() : "")
        .set(Column.PARAMETERS, outcome.parameters())
        .set(Column.TRAIN_SECONDS, number(outcome.trainSeconds()))
        .set(Column.EVAL_SECONDS, number(outcome.evalSeconds()))
        .set(Column.FINISHED_AT, outcome.finishedAt())
        .set(Column.TRAIN_DATA_SEED, outcome.trainDataSeed())
        .set(Column.MODEL_SEED, outcome.modelSeed())
        .set(Column.CONFIG, CellSettings.json(modelConfig.asMap()))
        .set(Column.COLLAPSE_UPDATE, outcome.collapse().map(c -> (Object) c.update()).orElse(""))
        .set(Column.COLLAPSE, outcome.collapse().map(TrainingCollapse::description).orElse(""))
        .set(Column.TASK_SEED, taskSeed)
        .set(Column.TASK_CONFIG, CellSettings.json(taskConfig.asMap()))
        .set(Column.TRAINING_FLOPS, measured.trainingFlops().isPresent()
            ? number(measured.trainingFlops().getAsDouble()) : "")
        .set(Column.PROBE_R2, measured.probe().map(fit -> (Object) number(fit.r2())).orElse(""))
        .set(Column.PROBE_R2_SHUFFLED, measured.probe().map(fit -> (Object) number(fit.shuffledR2())).orElse(""))
        .set(Column.SEED_GROUP, outcome.seedGroup() == 0 ? "" : outcome.seedGroup())
        .set(Column.TRAIN_DATA_SHA256, outcome.examples().trainSha256())
        .set(Column.EVAL_DATA_SHA256, levelHashes(outcome.examples().evalSha256()))));
  }

  /** The {@link Column#EVAL_DATA_SHA256} of cells.csv: a JSON object, empty when no level has one. */
  private static String levelHashes(Map<String, String> hashes) {
    if (hashes.isEmpty()) {
      return "";
    }
    try {
      return JSON.writeValueAsString(hashes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /** A row of {@code table}, headed as every table's rows are by the cell's model, task, level and seed. */
  private static TableRow row(Table table, CellKey key) {
    return new TableRow(table).set(Column.MODEL, key.model()).set(Column.TASK, key.task())
        .set(Column.TRAIN_LEVEL, key.trainLevel()).set(Column.SEED, key.seed());
  }

  /** A row of budgets.csv where the cell's training reached a budget. */
  private static TableRow budget(CellKey key, Budget at) {
    return row(Table.BUDGETS, key).set(Column.BUDGET_FLOPS, number(at.budget())).set(Column.UPDATE, at.update())
        .set(Column.TRAINING_FLOPS, number(at.trainingFlops()));
  }

  /** A score on a level, as results.csv and budgets.csv both hold it. */
  private static TableRow score(TableRow row, LevelScore level) {
    Score s = level.score();
    return row.set(Column.EVAL_LEVEL, level.level()).set(Column.EVAL_DIFFICULTY, number(level.difficulty()))
        .set(Column.ITERATIONS, s.iterations()).set(Column.METRIC, s.metric()).set(Column.VALUE, number(s.value()))
        .set(Column.N, s.n()).set(Column.CI_LOW, number(s.ciLow())).set(Column.CI_HIGH, number(s.ciHigh()));
  }

  /**
   * Rewrites the tables with the cells in {@code plan}'s order, each cell's rows kept together in
   * the order they were written: cells that run side by side finish in any order, and a finished
   * run's tables must not depend on it.
   */
  @Override
  public void putInPlanOrder(List<CellKey> plan) {
    Map<CellKey, Integer> index = new HashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      index.put(plan.get(i), i);
    }
    Comparator<CSVRecord> order = Comparator.comparingInt(row -> index.getOrDefault(key(row), plan.size()));
    for (CsvTable table : tables()) {
      table.sort(order);
    }
  }

  /** Keeps the whole stack trace of a failed cell; cells.csv has the one-line reason. */
  @Override
  public void logError(CellKey key, String stackTrace) {
    appendError(key.toString(), stackTrace);
  }

  /** Keeps the stack trace of what stopped the run (a write that failed) beside the failed cells'. */
  public void logStop(String stackTrace) {
    appendError("the run stopped", stackTrace);
  }

  private void appendError(String heading, String stackTrace) {
    // a Writer, not a PrintWriter, which would swallow a full disk
    try (Writer writer = Files.newBufferedWriter(directory.resolve(RunFormat.ERRORS), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      writer.write("== " + heading + System.lineSeparator());
      writer.write(stackTrace);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + RunFormat.ERRORS + " in " + directory, e);
    }
  }

  static CellKey key(CSVRecord row) {
    return new CellKey(row.get(Column.MODEL.id()), row.get(Column.TASK.id()), row.get(Column.TRAIN_LEVEL.id()),
        Long.parseLong(row.get(Column.SEED.id())));
  }

  /** Full precision, machine-independent: the reports round, the table does not. */
  private static String number(double value) {
    return Double.toString(value);
  }
}
