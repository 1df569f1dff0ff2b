package dev.reckon.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Score;
import dev.reckon.reports.format.RunFormat.Table;
import dev.reckon.reports.format.RunResults;
import dev.reckon.runner.execution.CellKey;
import dev.reckon.runner.execution.CellOutcome;
import dev.reckon.runner.execution.CellOutcome.Budget;
import dev.reckon.runner.execution.CellOutcome.BudgetScore;
import dev.reckon.runner.execution.CellOutcome.Compute;
import dev.reckon.runner.execution.CellOutcome.CurvePoint;
import dev.reckon.runner.execution.CellOutcome.Examples;
import dev.reckon.runner.execution.CellOutcome.LevelOutcomes;
import dev.reckon.runner.execution.CellOutcome.ProbeFit;
import dev.reckon.runner.execution.CellOutcome.LevelScore;
import dev.reckon.runner.execution.CellOutcome.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
  @TempDir Path directory;

  private static CellOutcome outcome(String model, Status status) {
    CellKey key = new CellKey(model, "sudoku-4x4", "b6", 1);
    List<LevelScore> scores = status == Status.DONE
        ? List.of(new LevelScore("b6", 6, Score.proportion("puzzle_accuracy", 4, 3, 4)))
        : List.of();
    return new CellOutcome(key, status, status == Status.FAILED ? "boom, with a comma" : "", scores,
        List.of(new CurvePoint(10, "loss", 0.5, 1.25)), OptionalInt.of(4), 123, 1.5, 0.5, 11, 12,
        Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(), status == Status.DONE ? COMPUTE : null,
        status == Status.DONE ? 3 : 0, status == Status.DONE ? EXAMPLES : null);
  }

  private static final String TRAIN_SHA = "1".repeat(64);
  private static final String EVAL_SHA = "e".repeat(64);
  /** Puzzles 0, 1 and 2 of 4 solved: 3 of 4, as the score says. */
  private static final Examples EXAMPLES = new Examples(TRAIN_SHA, Map.of("b6", EVAL_SHA),
      List.of(new LevelOutcomes("b6", "puzzle_accuracy", 4, 4, "07")));

  private static final Budget BUDGET = new Budget(1e6, 7, 1.25e6);
  private static final Compute COMPUTE = new Compute(OptionalDouble.of(2.5e6),
      List.of(new BudgetScore(BUDGET, new LevelScore("b6", 6, Score.proportion("puzzle_accuracy", 4, 1, 4)))),
      List.of(new ProbeFit(BUDGET, 0.75, -0.125, 24)), Optional.of(new ProbeFit(null, 0.875, -0.25, 24)));

  @Test
  void aCellsTrainingComputeGoesToComputeCsvAndItsTotalAndProbeToCellsCsv() throws IOException {
    new RunStore(directory).record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);

    assertEquals(List.of(
        "a,sudoku-4x4,b6,1,1000000.0,7,1250000.0,b6,6.0,4,puzzle_accuracy,0.25,4,0.04558726080970055,0.6993581574175981",
        "a,sudoku-4x4,b6,1,1000000.0,7,1250000.0,,,,probe_r2,0.75,24,,",
        "a,sudoku-4x4,b6,1,1000000.0,7,1250000.0,,,,probe_r2_shuffled,-0.125,24,,"),
        Files.readAllLines(directory.resolve("budgets.csv")).stream().skip(1).toList());
    assertTrue(Files.readAllLines(directory.resolve("cells.csv")).get(1).endsWith(",2500000.0,0.875,-0.25,3,"
        + TRAIN_SHA + ",\"{\"\"b6\"\":\"\"" + EVAL_SHA + "\"\"}\""));
  }

  /** The settings go to cells.csv as JSON, and read back whole, a value with ", name=" in it too. */
  @Test
  void aCellsSettingsAreJsonObjectsThatReadBack() throws IOException {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("hidden", 32);
    model.put("learningRate", 0.003);
    model.put("name", "a, b=c");
    new RunStore(directory).record(outcome("a", Status.DONE), new Config(model), new Config(Map.of("colours", 4)), 0);

    assertTrue(Files.readAllLines(directory.resolve("cells.csv")).get(1).contains(
        ",\"{\"\"hidden\"\":32,\"\"learningRate\"\":0.003,\"\"name\"\":\"\"a, b=c\"\"}\",,,0,"
            + "\"{\"\"colours\"\":4}\","));
    RunResults.Cell cell = RunResults.read(directory).cells().get(0);
    assertEquals(Map.of("hidden", "32", "learningRate", "0.003", "name", "a, b=c"), cell.config());
    assertEquals(Map.of("colours", "4"), cell.taskConfig());
  }

  @Test
  void aCellsOutcomesGoToOutcomesCsvARowAMetricAndIterationCount() throws IOException {
    new RunStore(directory).record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);
    assertEquals(List.of("model,task,train_level,seed,eval_level,iterations,metric,n,outcomes",
        "a,sudoku-4x4,b6,1,b6,4,puzzle_accuracy,4,07"), Files.readAllLines(directory.resolve("outcomes.csv")));
  }

  @Test
  void aRunOfFormatTwoResumesUnderThisFormatsHeaderItsNewColumnsEmpty() throws IOException {
    String v2 = "model,task,train_level,seed,status,reason,trained_iterations,parameters,train_seconds,eval_seconds,"
        + "finished_at,train_data_seed,model_seed,config,collapse_update,collapse,task_seed,task_config,"
        + "training_flops,probe_r2,probe_r2_shuffled,seed_group\n"
        + "old,sudoku-4x4,b6,1,done,,4,123,1.5,0.5,2026-01-01T00:00:00Z,11,12,{},,,0,{},,,,\n";
    Files.writeString(directory.resolve("cells.csv"), v2);
    RunStore store = new RunStore(directory);
    store.discardUnfinished();
    store.record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);
    List<String> lines = Files.readAllLines(directory.resolve("cells.csv"));
    assertEquals(String.join(",", Table.CELLS.header()), lines.get(0));
    assertTrue(lines.get(1).endsWith(",,,,,"), lines.get(1));
    assertEquals(Set.of("old", "a"), store.finishedCells().stream().map(CellKey::model)
        .collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void finishedCellsAreTheDoneAndSkippedOnesAndTheLastLineWins() {
    RunStore store = new RunStore(directory);
    store.record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);
    store.record(outcome("b", Status.FAILED), Config.empty(), Config.empty(), 0);
    store.record(outcome("c", Status.SKIPPED), Config.empty(), Config.empty(), 0);
    store.record(outcome("d", Status.FAILED), Config.empty(), Config.empty(), 0);
    store.record(outcome("d", Status.DONE), Config.empty(), Config.empty(), 0);
    assertEquals(Set.of("a", "c", "d"),
        store.finishedCells().stream().map(CellKey::model).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void cellsThatFinishedOutOfOrderArePutInPlanOrderWithEachCellsRowsInTheirOrder() throws IOException {
    RunStore store = new RunStore(directory);
    store.record(outcome("c", Status.DONE), Config.empty(), Config.empty(), 0);
    store.record(outcome("a", Status.FAILED), Config.empty(), Config.empty(), 0);
    store.record(outcome("b", Status.DONE), Config.empty(), Config.empty(), 0);
    store.record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);

    store.putInPlanOrder(List.of("a", "b", "c").stream().map(m -> new CellKey(m, "sudoku-4x4", "b6", 1)).toList());

    assertEquals(List.of("a failed", "a done", "b done", "c done"), Files.readAllLines(directory.resolve("cells.csv"))
        .stream().skip(1).map(line -> line.split(",")[0] + " " + line.split(",")[4]).toList());
    assertEquals(List.of("a", "b", "c"), Files.readAllLines(directory.resolve("results.csv")).stream().skip(1)
        .map(line -> line.split(",")[0]).toList());
    assertEquals(List.of("a", "a", "b", "c"), Files.readAllLines(directory.resolve("training.csv")).stream().skip(1)
        .map(line -> line.split(",")[0]).toList());
    assertEquals(List.of("a", "a", "a", "b", "b", "b", "c", "c", "c"), Files.readAllLines(
        directory.resolve("budgets.csv")).stream().skip(1).map(line -> line.split(",")[0]).toList());
  }

  @Test
  void rowsOfUnfinishedCellsAreDiscardedAndTheRestKeptVerbatim() throws IOException {
    RunStore store = new RunStore(directory);
    store.record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);
    String kept = Files.readString(directory.resolve("results.csv"));
    Files.writeString(directory.resolve("results.csv"),
        "ghost,sudoku-4x4,b6,b6,6.0,1,puzzle_accuracy,1,0.5,4,0.1,0.9\n", StandardOpenOption.APPEND);
    Files.writeString(directory.resolve("training.csv"), "ghost,sudoku-4x4,b6,1,1,loss,0.1,0.1\n",
        StandardOpenOption.APPEND);
    Files.writeString(directory.resolve("budgets.csv"), "ghost,sudoku-4x4,b6,1,1e6,7,1.2e6,,,,probe_r2,0.5,24,,\n",
        StandardOpenOption.APPEND);

    store.discardUnfinished();

    assertEquals(kept, Files.readString(directory.resolve("results.csv")));
    assertTrue(!Files.readString(directory.resolve("training.csv")).contains("ghost"));
    assertTrue(!Files.readString(directory.resolve("budgets.csv")).contains("ghost"));
    assertTrue(Files.readString(directory.resolve("cells.csv")).contains("a,sudoku-4x4,b6,1,done,,4,123,1.5,0.5,"));
  }

  @Test
  void aReasonWithCommasAndQuotesSurvivesTheRoundTrip() {
    RunStore store = new RunStore(directory);
    store.record(outcome("b", Status.FAILED), Config.empty(), Config.empty(), 0);
    store.record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);
    store.discardUnfinished();
    assertEquals(Set.of(new CellKey("a", "sudoku-4x4", "b6", 1)), store.finishedCells());
  }

  /**
   * A write cut at any byte of the last cell's rows, in any table, is found on resume: the torn
   * line goes, the last cell counts as unfinished, and the cells before it keep every row. A cell
   * appends to results.csv, training.csv, budgets.csv, outcomes.csv and cells.csv in that order, each forced to disk before
   * the next, so a cut in one table finds the tables after it without the cell.
   */
  @Test
  void aTornTailAtAnyByteOfTheLastCellIsDroppedAndThatCellRunsAgain() throws IOException {
    RunStore store = new RunStore(directory);
    store.record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);
    java.util.Map<String, byte[]> before = snapshot();
    store.record(outcome("b", Status.DONE), Config.empty(), Config.empty(), 0);
    java.util.Map<String, byte[]> after = snapshot();
    List<String> order = List.of("results.csv", "training.csv", "budgets.csv", "outcomes.csv", "cells.csv");
    for (String table : order) {
      for (int cut = before.get(table).length; cut < after.get(table).length; cut++) {
        restore(after);
        for (String later : order.subList(order.indexOf(table) + 1, order.size())) {
          Files.write(directory.resolve(later), before.get(later));
        }
        Files.write(directory.resolve(table), java.util.Arrays.copyOf(after.get(table), cut));
        RunStore resumed = new RunStore(directory);

        List<String> warnings = resumed.discardUnfinished();

        boolean cutAtLineEnd = after.get(table)[cut - 1] == '\n';
        assertEquals(cutAtLineEnd ? 0 : 1, warnings.size(), table + " cut at " + cut + ": " + warnings);
        assertEquals(Set.of("a"), resumed.finishedCells().stream().map(CellKey::model)
            .collect(java.util.stream.Collectors.toSet()), table + " cut at " + cut);
        for (String kept : order) {
          assertEquals(new String(before.get(kept), java.nio.charset.StandardCharsets.UTF_8),
              Files.readString(directory.resolve(kept)), kept + " is back to cell a's rows: " + table + " cut at " + cut);
        }
      }
    }
  }

  /**
   * A finished cell's last row cut after the fact (a disk or a copy tore it), at any byte of it, in
   * any table the cell wrote before cells.csv: the cell counts as unfinished, so every row of it
   * goes, the other cell keeps its rows, and the cell runs again rather than stay without the row.
   */
  @Test
  void aFinishedCellsTornLastRowInAnyTableMakesThatCellRunAgainWithoutItsOtherRows() throws IOException {
    RunStore store = new RunStore(directory);
    store.record(outcome("a", Status.DONE), Config.empty(), Config.empty(), 0);
    java.util.Map<String, byte[]> before = snapshot();
    store.record(outcome("b", Status.DONE), Config.empty(), Config.empty(), 0);
    java.util.Map<String, byte[]> after = snapshot();
    for (String table : List.of("results.csv", "training.csv", "budgets.csv", "outcomes.csv")) {
      byte[] whole = after.get(table);
      int lastLine = new String(whole, 0, whole.length - 1, java.nio.charset.StandardCharsets.UTF_8).lastIndexOf('\n') + 1;
      for (int cut = lastLine + 1; cut < whole.length; cut++) {
        restore(after);
        Files.write(directory.resolve(table), java.util.Arrays.copyOf(whole, cut));
        RunStore resumed = new RunStore(directory);

        List<String> warnings = resumed.discardUnfinished();

        assertEquals(1, warnings.size(), table + " cut at " + cut + ": " + warnings);
        assertTrue(warnings.get(0).contains("b x sudoku-4x4 (train b6, seed 1), finished before"), warnings.get(0));
        assertEquals(Set.of("a"), resumed.finishedCells().stream().map(CellKey::model)
            .collect(java.util.stream.Collectors.toSet()), table + " cut at " + cut);
        for (String kept : before.keySet()) {
          assertEquals(new String(before.get(kept), java.nio.charset.StandardCharsets.UTF_8),
              Files.readString(directory.resolve(kept)), kept + " is back to cell a's rows: " + table + " cut at " + cut);
        }
      }
    }
  }

  private java.util.Map<String, byte[]> snapshot() throws IOException {
    java.util.Map<String, byte[]> files = new java.util.HashMap<>();
    for (String table : List.of("results.csv", "training.csv", "budgets.csv", "outcomes.csv", "cells.csv")) {
      files.put(table, Files.readAllBytes(directory.resolve(table)));
    }
    return files;
  }

  private void restore(java.util.Map<String, byte[]> files) throws IOException {
    for (java.util.Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(directory.resolve(file.getKey()), file.getValue());
    }
  }
}
