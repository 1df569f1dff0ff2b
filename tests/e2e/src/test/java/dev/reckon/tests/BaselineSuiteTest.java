package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick suite over the built-in plugin jars: the oracle proves the scorer right, uniform sits
 * at chance, and propagation's accuracy rises with its budget on every level.
 */
class BaselineSuiteTest {
  static Path run;
  static List<Map<String, String>> results;

  @BeforeAll
  static void runQuickSuite() {
    Cli.Outcome outcome = QuickRun.outcome();
    run = QuickRun.original();
    assertTrue(outcome.out().strip().endsWith("run directory: " + run), outcome::toString);
    results = RunFiles.csv(run.resolve("results.csv"));
  }

  @Test
  void oracleSolvesEveryPuzzleOfEveryLevel() {
    List<Map<String, String>> oracle = results.stream()
        .filter(r -> r.get("model").equals("oracle") && r.get("metric").equals("puzzle_accuracy")).toList();
    assertTrue(oracle.size() >= 6, "two tasks, several levels each");
    oracle.forEach(r -> assertEquals(1.0, Double.parseDouble(r.get("value")), r::toString));
  }

  @Test
  void uniformCellAccuracyIsChance() {
    // 100 puzzles x >= 6 blanks: the 95% interval of a fair 1/N guess is about +-0.04 wide.
    assertEquals(0.25, RunFiles.value(results, "uniform", "sudoku-4x4", "b6", "cell_accuracy", 1), 0.05);
    assertEquals(0.0, RunFiles.value(results, "uniform", "sudoku-4x4", "b8", "puzzle_accuracy", 1), 0.02);
  }

  @Test
  void propagationImprovesWithItsBudgetAndFinallySolves() {
    for (String level : List.of("b20", "minimal")) {
      double one = RunFiles.value(results, "propagation", "sudoku-6x6", level, "puzzle_accuracy", 1);
      double sixtyFour = RunFiles.value(results, "propagation", "sudoku-6x6", level, "puzzle_accuracy", 64);
      assertTrue(sixtyFour > one + 0.3, level + ": " + one + " at 1 round, " + sixtyFour + " at 64");
      assertEquals(1.0, sixtyFour, 1e-9, level + " is solved by search with a large budget");
    }
  }

  @Test
  void runDirectoryHasManifestAndLeaderboards() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    assertEquals("quick", manifest.at("/suite/name").asText());
    assertEquals("cpu", manifest.at("/environment/device").asText());
    assertEquals("PyTorch", manifest.at("/environment/engine").asText());
    assertTrue(manifest.at("/finishedAt").isTextual(), "finished");
    assertEquals(1, manifest.at("/seeds/run/0").asInt());
    assertTrue(manifest.at("/seeds/data").size() >= 6, "every generated dataset has its seed");
    assertTrue(manifest.at("/plugins").findValuesAsText("sha256").stream().allMatch(s -> s.length() == 64));
    for (String board : List.of("ttc.csv", "generalization.csv")) {
      List<Map<String, String>> rows = RunFiles.csv(run.resolve("leaderboards").resolve(board));
      assertTrue(rows.stream().anyMatch(r -> r.get("model").equals("propagation")), board);
    }
    assertTrue(Files.size(run.resolve("cells.csv")) > 0);
  }
}
