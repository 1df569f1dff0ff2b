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

/**
 * A learning rate that climbs far too high drives a real rrn, which has learned 4x4 Sudoku, into
 * a collapse: the harness records where, the cell still finishes, and the run goes on (with a
 * deq-gnn, which also shows that its jar runs in the runner with the rrn classes it embeds).
 */
class CollapseTest {
  @TempDir Path out;

  /**
   * Measured: training-batch puzzle accuracy reaches 0.96 to 1.0 by update 120 while the step size
   * rises on a cosine from 0.003 towards 0.1, then falls to 0 at update 170 and stays there.
   */
  @Test
  void aCollapseIsRecordedWithItsUpdateAndTheRunGoesOn() throws IOException {
    Path suite = out.resolve("collapse.yaml");
    Files.writeString(suite, """
        name: collapse
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 300
            evalSize: 100
        models:
          - id: rrn
            config: {hidden: 32, steps: 4, updates: 300, batchSize: 32, learningRate: 0.003,
                     finalLearningRate: 0.1, evalEvery: 10}
          - id: deq-gnn
            config: {hidden: 32, solverCap: 8, updates: 200, batchSize: 32, evalEvery: 50}
          - id: oracle
        """);

    Cli.Outcome run = Cli.reckon("run", "--suite", suite.toString(), "--out", out.resolve("runs").toString());

    assertEquals(0, run.status(), run::toString);
    Path runDirectory = RunFiles.onlyRun(out.resolve("runs"));
    Map<String, Map<String, String>> cells = RunFiles.csv(runDirectory.resolve("cells.csv")).stream()
        .collect(Collectors.toMap(c -> c.get("model"), c -> c));
    Map<String, String> rrn = cells.get("rrn");
    assertEquals("done", rrn.get("status"), cells::toString);
    int update = Integer.parseInt(rrn.get("collapse_update"));
    assertTrue(update > 100 && update < 300, "collapse at update " + update);
    assertTrue(rrn.get("collapse").matches("(loss rose|train_\\w+_accuracy fell) from .*"), rrn::toString);
    for (String next : List.of("deq-gnn", "oracle")) {
      assertEquals("done", cells.get(next).get("status"), cells::toString);
      assertEquals("", cells.get(next).get("collapse_update"), cells::toString);
    }
    assertTrue((run.out() + run.err()).contains("training collapsed at update " + update), run::toString);

    List<Map<String, String>> collapses = RunFiles.csv(runDirectory.resolve("leaderboards/collapses.csv"));
    assertEquals(1, collapses.size(), collapses::toString);
    assertEquals(String.valueOf(update), collapses.get(0).get("collapse_update"));
    assertTrue(Files.readString(runDirectory.resolve("report/report.md")).contains("Training collapses"));
  }
}
