package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Research note 000's equal-compute comparison, end to end with the real plugins: the transformers
 * spend one training FLOP budget on a small map of cities, the harness evaluates each when its
 * training FLOPs reach every compute budget of the suite (budgets.csv), probes its city embeddings
 * for the cities' positions, and the compute leaderboard and report put them side by side.
 */
class ComputeBudgetsTest {
  private static final List<String> BUDGETS = List.of("2.0E9", "4.0E9");

  @TempDir Path out;

  @Test
  void everyTransformerIsEvaluatedAtEveryBudgetAndProbedAndTheBoardComparesThem() throws IOException {
    Path suite = out.resolve("compute.yaml");
    Files.writeString(suite, """
        name: compute
        tasks:
          - id: shortest-path
            train: h1-3
            eval: [h2, h3]
            trainSize: 500
            evalSize: 20
            config: {cities: 16}
            modelConfig: {trainingFlops: 4.0e9, logEvery: 10}
            computeBudgets: [2.0e9, 4.0e9]
        models:
          - id: transformer-small
          - id: recurrent-transformer
          - id: bellman-ford
        """);

    Cli.Outcome run = Cli.reckon("run", "--suite", suite.toString(), "--out", out.resolve("runs").toString());

    assertEquals(0, run.status(), run::toString);
    Path runDirectory = RunFiles.onlyRun(out.resolve("runs"));
    List<Map<String, String>> budgets = RunFiles.csv(runDirectory.resolve("budgets.csv"));
    for (String model : List.of("transformer-small", "recurrent-transformer")) {
      List<Map<String, String>> mine = budgets.stream().filter(row -> row.get("model").equals(model)).toList();
      assertEquals(Set.copyOf(BUDGETS), mine.stream().map(row -> row.get("budget_flops")).collect(Collectors.toSet()),
          model);
      for (Map<String, String> row : mine) {
        assertTrue(Double.parseDouble(row.get("training_flops")) >= Double.parseDouble(row.get("budget_flops")),
            row::toString);
      }
      assertTrue(mine.stream().anyMatch(row -> row.get("metric").equals("path_accuracy")
          && row.get("eval_level").equals("h3")), model);
      assertTrue(mine.stream().anyMatch(row -> row.get("metric").equals("probe_r2")), model);
    }
    assertFalse(budgets.stream().anyMatch(row -> row.get("model").equals("bellman-ford")),
        "a model that reports no training FLOPs has no budgets");

    Map<String, Map<String, String>> cells = RunFiles.csv(runDirectory.resolve("cells.csv")).stream()
        .collect(Collectors.toMap(c -> c.get("model"), c -> c));
    assertTrue(Double.parseDouble(cells.get("transformer-small").get("training_flops")) >= 4.0e9, cells::toString);
    assertFalse(cells.get("recurrent-transformer").get("probe_r2").isEmpty(), cells::toString);
    assertEquals("", cells.get("bellman-ford").get("training_flops"));
    assertTrue(RunFiles.csv(runDirectory.resolve("results.csv")).stream()
        .anyMatch(row -> row.get("model").equals("recurrent-transformer") && row.get("metric").equals("inference_flops")));

    List<Map<String, String>> board = RunFiles.csv(runDirectory.resolve("leaderboards/compute.csv"));
    assertEquals(2 * 2 * 2, board.size(), "two models, two levels, two budgets: " + board);
    String report = Files.readString(runDirectory.resolve("report/report.md"));
    assertTrue(report.contains("Equal training compute"), report);
    assertTrue(Files.readString(runDirectory.resolve("report/report.html"))
        .contains("shortest-path: linear probe R^2 vs training FLOPs"));
  }

  /**
   * The graph networks count their FLOPs too, so a suite may give a sudoku entry compute budgets:
   * the rrn and the deq-gnn are evaluated mid-training, from within their own training loops.
   */
  @Test
  void graphNetworksAreEvaluatedAtComputeBudgetsFromWithinTheirTraining() throws IOException {
    Path suite = out.resolve("graphs.yaml");
    Files.writeString(suite, """
        name: graphs
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 200
            evalSize: 20
            computeBudgets: [5.0e7, 1.0e8]
        models:
          - id: rrn
            config: {hidden: 16, steps: 2, updates: 6, batchSize: 16, evalEvery: 2}
          - id: deq-gnn
            config: {hidden: 16, solverCap: 4, updates: 6, batchSize: 16, evalEvery: 2}
        """);

    Cli.Outcome run = Cli.reckon("run", "--suite", suite.toString(), "--out", out.resolve("runs").toString());

    assertEquals(0, run.status(), run::toString);
    List<Map<String, String>> budgets = RunFiles.csv(RunFiles.onlyRun(out.resolve("runs")).resolve("budgets.csv"));
    for (String model : List.of("rrn", "deq-gnn")) {
      assertTrue(budgets.stream().anyMatch(row -> row.get("model").equals(model)
          && row.get("metric").equals("puzzle_accuracy")), model + ": " + budgets);
    }
  }
}
