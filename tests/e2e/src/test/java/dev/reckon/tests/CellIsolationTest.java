package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exception, a NaN loss or the time limit fails that cell only; the exit status says so. */
class CellIsolationTest {
  @TempDir Path plugins;
  @TempDir Path out;

  @Test
  void failingCellsAreRecordedWithTheirReasonAndTheRunGoesOn() throws IOException {
    PluginJars.build("test-models", plugins.resolve("test-models.jar"));
    Path suite = plugins.resolve("isolation.yaml");
    Files.writeString(suite, """
        name: isolation
        cellTimeLimitMinutes: 0.25
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 10
            evalSize: 20
        models:
          - id: faulty-throw
          - id: faulty-nan
          - id: faulty-hang
          - id: oracle
        """);

    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        out.toString());

    assertEquals(1, run.status(), run::toString);
    Path runDirectory = RunFiles.onlyRun(out);
    Map<String, Map<String, String>> cells = RunFiles.csv(runDirectory.resolve("cells.csv")).stream()
        .collect(Collectors.toMap(c -> c.get("model"), c -> c));
    assertEquals("failed", cells.get("faulty-throw").get("status"));
    assertTrue(cells.get("faulty-throw").get("reason").contains("weights file is corrupt"), cells::toString);
    assertEquals("failed", cells.get("faulty-nan").get("status"));
    assertTrue(cells.get("faulty-nan").get("reason").contains("training collapsed at update 2: loss became NaN"),
        cells::toString);
    assertEquals("2", cells.get("faulty-nan").get("collapse_update"), cells::toString);
    assertEquals("failed", cells.get("faulty-hang").get("status"));
    assertTrue(cells.get("faulty-hang").get("reason").contains("cell time limit"), cells::toString);
    assertEquals("done", cells.get("oracle").get("status"));
    List<Map<String, String>> results = RunFiles.csv(runDirectory.resolve("results.csv"));
    assertEquals(1.0, RunFiles.value(results, "oracle", "sudoku-4x4", "b6", "puzzle_accuracy", 1));
    assertTrue(results.stream().noneMatch(r -> r.get("model").startsWith("faulty")), "failed cells leave no results");
    assertTrue(Files.readString(runDirectory.resolve("errors.log")).contains("weights file is corrupt"));
  }
}
