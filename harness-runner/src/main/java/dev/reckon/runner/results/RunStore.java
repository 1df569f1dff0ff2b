package dev.reckon.runner.results;

import dev.reckon.reports.RunFormat;
import dev.reckon.api.Config;
import dev.reckon.runner.execution.CellKey;
import dev.reckon.runner.execution.CellOutcome;
import dev.reckon.runner.execution.CellRecorder;
import dev.reckon.runner.execution.CellOutcome.Budget;
import dev.reckon.runner.execution.CellOutcome.BudgetScore;
import dev.reckon.runner.execution.CellOutcome.Compute;
import dev.reckon.runner.execution.CellOutcome.CurvePoint;
import dev.reckon.runner.execution.CellOutcome.ProbeFit;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The tables of a run directory. Each finished cell appends its results, training curve and
 * evaluations at compute budgets, and then its line in cells.csv, each flushed: a cell counts as finished only once that line is on
 * disk, and on resume the rows of unfinished cells are dropped and the cells run again.
 */
public final class RunStore implements CellRecorder {
  private final Path directory;
  private final CsvTable results;
  private final CsvTable cells;
  private final CsvTable training;
  private final CsvTable compute;

  public RunStore(Path directory) {
    this.directory = directory;
    this.results = CsvTable.of(RunFormat.Table.RESULTS, directory);
    this.cells = CsvTable.of(RunFormat.Table.CELLS, directory);
    this.training = CsvTable.of(RunFormat.Table.TRAINING, directory);
    this.compute = CsvTable.of(RunFormat.Table.BUDGETS, directory);
  }

  public Path directory() {
    return directory;
  }

  /** Cells whose last line in cells.csv says done or skipped. */
  @Override
  public Set<CellKey> finishedCells() {
    Map<CellKey, Status> last = new HashMap<>();
    for (CSVRecord row : cells.read()) {
      last.put(key(row), Status.of(row.get("status")));
    }
    return last.entrySet().stream().filter(e -> e.getValue().finished()).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Drops what an interrupted attempt left half-written: a torn last line of any table, and the
   * result and training rows of cells that never finished (a run killed mid-cell).
   *
   * @return a warning for each torn line dropped
   */
  public List<String> discardUnfinished() {
    List<String> repaired = new ArrayList<>();
    for (CsvTable table : List.of(results, training, compute, cells)) {
      long dropped = table.dropTornTail();
      if (dropped > 0) {
        repaired.add(table.file().getFileName() + " ended in a torn line (" + dropped + " bytes, a write cut short); "
            + "it was dropped and its cell runs again");
      }
    }
    Set<CellKey> finished = finishedCells();
    results.retain(row -> finished.contains(key(row)));
    training.retain(row -> finished.contains(key(row)));
    compute.retain(row -> finished.contains(key(row)));
    return repaired;
  }

  /** Appends a finished cell, with the settings its model and task ran with and the task's seed. */
  @Override
  public void record(CellOutcome outcome, Config modelConfig, Config taskConfig, long taskSeed) {
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
    Compute measured = outcome.compute();
    List<List<Object>> computeRows = new ArrayList<>();
    for (BudgetScore budgetScore : measured.budgets()) {
      Budget at = budgetScore.at();
      LevelScore level = budgetScore.score();
      var s = level.score();
      computeRows.add(List.of(key.model(), key.task(), key.trainLevel(), key.seed(), number(at.budget()), at.update(),
          number(at.trainingFlops()), level.level(), number(level.difficulty()), s.iterations(), s.metric(),
          number(s.value()), s.n(), number(s.ciLow()), number(s.ciHigh())));
    }
    for (ProbeFit fit : measured.probes()) {
      for (var metric : List.of(Map.entry(RunFormat.PROBE_R2, fit.r2()),
          Map.entry(RunFormat.PROBE_R2_SHUFFLED, fit.shuffledR2()))) {
        computeRows.add(List.of(key.model(), key.task(), key.trainLevel(), key.seed(), number(fit.at().budget()),
            fit.at().update(), number(fit.at().trainingFlops()), "", "", "", metric.getKey(),
            number(metric.getValue()), fit.tokens(), "", ""));
      }
    }
    results.append(scoreRows);
    training.append(curveRows);
    compute.append(computeRows);
    cells.append(List.of(List.of(key.model(), key.task(), key.trainLevel(), key.seed(),
        outcome.status().word(), outcome.reason(),
        outcome.trainedIterations().isPresent() ? outcome.trainedIterations().getAsInt() : "",
        outcome.parameters(), number(outcome.trainSeconds()), number(outcome.evalSeconds()), outcome.finishedAt(),
        outcome.trainDataSeed(), outcome.modelSeed(), modelConfig.asMap(),
        outcome.collapse().map(c -> (Object) c.update()).orElse(""),
        outcome.collapse().map(TrainingCollapse::description).orElse(""), taskSeed,
        taskConfig.asMap(), measured.trainingFlops().isPresent() ? number(measured.trainingFlops().getAsDouble()) : "",
        measured.probe().map(fit -> (Object) number(fit.r2())).orElse(""),
        measured.probe().map(fit -> (Object) number(fit.shuffledR2())).orElse(""))));
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
    for (CsvTable table : List.of(results, training, compute, cells)) {
      table.sort(order);
    }
  }

  /** Keeps the whole stack trace of a failed cell; cells.csv has the one-line reason. */
  @Override
  public void logError(CellKey key, String stackTrace) {
    try (Writer writer = Files.newBufferedWriter(directory.resolve(RunFormat.ERRORS), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        PrintWriter out = new PrintWriter(writer)) {
      out.println("== " + key);
      out.print(stackTrace);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + RunFormat.ERRORS + " in " + directory, e);
    }
  }

  static CellKey key(CSVRecord row) {
    return new CellKey(row.get("model"), row.get("task"), row.get("train_level"), Long.parseLong(row.get("seed")));
  }

  /** Full precision, machine-independent: the reports round, the table does not. */
  private static String number(double value) {
    return Double.toString(value);
  }
}
