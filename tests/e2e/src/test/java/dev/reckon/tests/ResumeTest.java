package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed after some cells resumes without redoing them, and without half-written rows. */
class ResumeTest {
  @TempDir Path work;

  @Test
  void aKilledRunResumesWithoutRedoingFinishedCells() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("test-models", plugins.resolve("test-models.jar"));
    Path out = work.resolve("runs");
    Path gate = Files.createFile(work.resolve("gate"));
    Path suite = work.resolve("resume.yaml");
    Files.writeString(suite, """
        name: resume
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6, b8]
            evalSize: 50
        models:
          - id: oracle
          - id: uniform
          - id: sleepy
          - id: propagation
        """);

    // The real launcher in a separate process, killed hard while the third cell waits at the gate.
    // One job: cells of equal cost start in plan order, so the two before the gate are the ones done.
    ProcessBuilder launcher = new ProcessBuilder(Cli.DISTRIBUTION.resolve("bin/reckon").toString(), "run",
        "--plugins", plugins.toString(), "--suite", suite.toString(), "--out", out.toString(), "--jobs", "1")
        .redirectErrorStream(true).redirectOutput(work.resolve("first-run.log").toFile());
    launcher.environment().put("RECKON_SLEEPY_GATE", gate.toString());
    Process first = launcher.start();
    Path cellsFile = waitForCells(out, 2, first);
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Path runDirectory = cellsFile.getParent();
    List<Map<String, String>> before = RunFiles.csv(cellsFile);
    assertEquals(List.of("oracle", "uniform"), before.stream().map(c -> c.get("model")).toList());
    // What a crash between a cell's result rows and its cells.csv line would leave behind.
    Files.writeString(runDirectory.resolve("results.csv"),
        "sleepy,sudoku-4x4,b6,b6,6.0,1,puzzle_accuracy,1,0.123,50,0.0,1.0\n", StandardOpenOption.APPEND);
    Files.delete(gate);

    Cli.Outcome resumed = Cli.reckon("run", "--plugins", plugins.toString(), "--resume", runDirectory.toString());

    assertEquals(0, resumed.status(), resumed::toString);
    assertTrue(resumed.out().contains("2 done, 0 failed, 0 skipped, 2 kept from before"), resumed::toString);
    List<Map<String, String>> after = RunFiles.csv(runDirectory.resolve("cells.csv"));
    assertEquals(List.of("oracle", "uniform", "sleepy", "propagation"), after.stream().map(c -> c.get("model")).toList());
    assertEquals(before.get(0), after.get(0), "the oracle cell was not recomputed");
    assertEquals(before.get(1), after.get(1), "the uniform cell was not recomputed");
    List<Map<String, String>> results = RunFiles.csv(runDirectory.resolve("results.csv"));
    assertTrue(results.stream().noneMatch(r -> r.get("value").equals("0.123")), "the orphan row was dropped");
    assertEquals(6, results.stream().filter(r -> r.get("model").equals("oracle")).count(), "2 levels x 3 metrics");
    assertEquals(6, results.stream().filter(r -> r.get("model").equals("sleepy")).count());
    assertTrue(Files.exists(runDirectory.resolve("leaderboards/ttc.csv")));
  }

  /**
   * A finished cell's last row cut in the middle after the fact (a disk or a copy tore it), in
   * results.csv, training.csv or outcomes.csv: the resume says so, runs that cell again with its
   * other rows removed first, and the run ends with every row, once.
   */
  @Test
  void aFinishedCellsTornLastRowRunsThatCellAgainAndTheRunEndsWithEveryRow() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("test-models", plugins.resolve("test-models.jar"));
    Path suite = Files.writeString(work.resolve("torn.yaml"), """
        name: torn
        tasks:
          - id: sudoku-4x4
            train: b6
            trainSize: 20
            evalSize: 20
        models:
          - id: oracle
          - id: majority
        """);
    Cli.Outcome first = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        work.resolve("runs").toString(), "--jobs", "1");
    assertEquals(0, first.status(), first::toString);
    Path run = RunFiles.onlyRun(work.resolve("runs"));
    String results = Files.readString(run.resolve("results.csv"));
    String outcomes = Files.readString(run.resolve("outcomes.csv"));
    List<String> curves = curvePoints(run);
    assertTrue(!curves.isEmpty(), "majority learns, so training.csv has its curves");

    for (String table : List.of("results.csv", "training.csv", "outcomes.csv")) {
      byte[] whole = Files.readAllBytes(run.resolve(table));
      int lastLine = new String(whole, 0, whole.length - 1, java.nio.charset.StandardCharsets.UTF_8)
          .lastIndexOf('\n') + 1;
      Files.write(run.resolve(table), java.util.Arrays.copyOf(whole, (lastLine + whole.length) / 2));

      Cli.Outcome resumed = Cli.reckon("run", "--plugins", plugins.toString(), "--resume", run.toString());

      assertEquals(0, resumed.status(), resumed::toString);
      assertTrue(resumed.err().contains(table + " ended in a torn line") && resumed.err().contains("finished before"),
          resumed::toString);
      assertTrue(resumed.out().contains("1 done, 0 failed, 0 skipped, 1 kept from before"), resumed::toString);
      assertEquals(results, Files.readString(run.resolve("results.csv")), table + " torn: every result, once");
      assertEquals(outcomes, Files.readString(run.resolve("outcomes.csv")), table + " torn: every outcome, once");
      assertEquals(curves, curvePoints(run), table + " torn: every point of every curve, once");
      assertEquals(2, RunFiles.csv(run.resolve("cells.csv")).size(), table + " torn: a line a cell");
    }
  }

  /** Each training curve's points, without their measured values (wall time and memory vary between runs). */
  private static List<String> curvePoints(Path run) {
    return RunFiles.csv(run.resolve("training.csv")).stream().map(row -> String.join(" ", row.get("model"),
        row.get("seed"), row.get("update"), row.get("metric"))).toList();
  }

  private static Path waitForCells(Path out, int cells, Process process) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the first run ended early with exit " + process.exitValue());
      }
      if (Files.isDirectory(out)) {
        try (var runs = Files.list(out)) {
          for (Path run : runs.toList()) {
            Path file = run.resolve("cells.csv");
            if (Files.exists(file) && RunFiles.csv(file).size() >= cells) {
              return file;
            }
          }
        }
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("no " + cells + " finished cells within 180 s");
  }
}
