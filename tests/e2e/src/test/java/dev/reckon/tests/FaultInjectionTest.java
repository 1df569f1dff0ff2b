package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher killed hard ({@code kill -9}) at 20 random moments of a run (starting, between
 * and inside cells, while appending to a table or writing the manifest), resumed after each kill:
 * the run ends with the results of a run never interrupted, and no result twice.
 */
class FaultInjectionTest {
  private static final int KILLS = 20;
  private static final String SUITE = """
      name: faults
      seeds: [5]
      tasks:
        - id: sudoku-4x4
          train: b6
          trainSize: 30
          evalSize: 30
        - id: sudoku-6x6
          train: b12
          eval: [b12, b16]
          trainSize: 30
          evalSize: 20
      models:
        - id: oracle
        - id: uniform
        - id: propagation
        - id: majority
      """;

  @TempDir Path work;

  @Test
  void killedTwentyTimesAndResumedTheRunEndsAsAnUninterruptedOne() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("test-models", plugins.resolve("test-models.jar"));
    Path suite = Files.writeString(work.resolve("faults.yaml"), SUITE);
    Cli.Outcome reference = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        work.resolve("reference").toString());
    assertEquals(0, reference.status(), reference::toString);
    String expected = Files.readString(RunFiles.onlyRun(work.resolve("reference")).resolve("results.csv"));

    Path out = work.resolve("faulty");
    Path run = out.resolve("killed");
    Random moments = new Random(42);
    List<String> first = List.of("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        out.toString(), "--run-id", "killed");
    List<String> resume = List.of("run", "--plugins", plugins.toString(), "--resume", run.toString());
    int finishedEarly = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process launcher = launchNext(run, first, resume, kill);
      boolean ended = launcher.waitFor(300 + moments.nextInt(4000), TimeUnit.MILLISECONDS);
      if (ended) {
        finishedEarly++;
      } else {
        launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
    Process last = launchNext(run, first, resume, KILLS);
    assertTrue(last.waitFor(300, TimeUnit.SECONDS), "the last attempt finishes");
    assertEquals(0, last.exitValue(), () -> read(work.resolve("launch-" + KILLS + ".log")));

    assertEquals(expected, Files.readString(run.resolve("results.csv")),
        "killed and resumed, the run has the results of an uninterrupted one");
    List<Map<String, String>> rows = RunFiles.csv(run.resolve("results.csv"));
    Set<String> keys = new HashSet<>();
    for (Map<String, String> row : rows) {
      String key = String.join("/", row.get("model"), row.get("task"), row.get("train_level"), row.get("eval_level"),
          row.get("iterations"), row.get("metric"), row.get("seed"));
      assertTrue(keys.add(key), "no result twice: " + key);
    }
    assertTrue(finishedEarly < KILLS / 2, "most attempts were really killed, " + finishedEarly + " ended by themselves");
  }

  /** A resume once the run has its manifest; before that nothing can be resumed, and the run starts again. */
  private Process launchNext(Path run, List<String> first, List<String> resume, int attempt) throws IOException {
    boolean started = Files.exists(run.resolve("manifest.json"));
    if (!started) {
      deleteTree(run);
    }
    return launch(started ? resume : first, attempt);
  }

  private Process launch(List<String> args, int attempt) throws IOException {
    List<String> command = new ArrayList<>(List.of(Cli.DISTRIBUTION.resolve("bin/reckon").toString()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("launch-" + attempt + ".log").toFile()).start();
  }

  private static void deleteTree(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (var walk = Files.walk(directory)) {
        for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
