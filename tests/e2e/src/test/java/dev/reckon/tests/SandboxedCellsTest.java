package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reckon.runner.execution.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models that try to get out of their cell (issue 31), run with {@code --sandbox auto} beside the
 * oracle and uniform baselines: each ends with its cell failed and named, or its damage contained,
 * and the baselines' rows are byte for byte those of a run without them. CI installs bubblewrap;
 * where it does not work the test is skipped (the hostile models would reach the machine).
 */
class SandboxedCellsTest {
  private static final String TASK = """
      seeds: [7]
      tasks:
        - id: sudoku-4x4
          train: b6
          eval: [b6]
          trainSize: 20
          evalSize: 30
      models:
        - id: oracle
        - id: uniform
      """;
  private static final List<String> BASELINES = List.of("oracle", "uniform");
  /** The models whose cells must fail, and the words their reasons must hold. */
  private static final Map<String, List<String>> FAILED = Map.of(
      "forge-self", List.of("after its result", "the first complete message there and the only one", "64 MiB"),
      "cheat", List.of("a model gets its examples through train() and predict()"),
      "flood", List.of("a line of more than 64 KiB", "the cap of a line there"));
  /** The models whose attempts the sandbox contains: they answer, and nothing of theirs reaches the run. */
  private static final List<String> CONTAINED = List.of("tamper", "kill-siblings", "kill-runner", "tmp-writer",
      "chatter");
  private static final Path PROBE = Path.of(System.getProperty("java.io.tmpdir"), "reckon-sandbox-escape-probe.txt");

  @TempDir Path work;

  @BeforeAll
  static void sandboxWorksHere() {
    assumeTrue(Sandbox.inspect("auto").active(), "bubblewrap does not work on this machine: "
        + Sandbox.inspect("auto").describe());
  }

  @Test
  void escapingModelsFailOrAreContainedAndTheBaselinesAreByteEqual() throws IOException {
    Files.deleteIfExists(PROBE);
    Files.deleteIfExists(Path.of("/tmp", PROBE.getFileName().toString()));
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("escaping-models", plugins.resolve("escaping-models.jar"));
    Path clean = work.resolve("clean.yaml");
    Files.writeString(clean, "name: clean\n" + TASK);
    Path hostile = work.resolve("hostile.yaml");
    Files.writeString(hostile, "name: hostile\n" + TASK + Stream.concat(FAILED.keySet().stream(), CONTAINED.stream())
        .sorted().map(id -> "  - id: " + id + "\n").collect(Collectors.joining()));

    Cli.Outcome cleanRun = Cli.reckon("run", "--suite", clean.toString(), "--out", work.resolve("clean-runs").toString());
    assertEquals(0, cleanRun.status(), cleanRun::toString);
    Path cleanDirectory = RunFiles.onlyRun(work.resolve("clean-runs"));

    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", hostile.toString(), "--out",
        work.resolve("runs").toString(), "--sandbox", "auto");

    assertEquals(1, run.status(), run::toString);
    assertFalse(run.err().contains("without a sandbox"), run::toString);
    assertTrue(run.out().contains((BASELINES.size() + CONTAINED.size()) + " done, " + FAILED.size() + " failed"),
        run::toString);
    Path runDirectory = RunFiles.onlyRun(work.resolve("runs"));
    Map<String, Map<String, String>> cells = RunFiles.csv(runDirectory.resolve("cells.csv")).stream()
        .collect(Collectors.toMap(c -> c.get("model"), Function.identity()));
    FAILED.forEach((model, words) -> {
      Map<String, String> cell = cells.get(model);
      assertEquals("failed", cell.get("status"), cell::toString);
      words.forEach(word -> assertTrue(cell.get("reason").contains(word), () -> model + "'s reason lacks '" + word
          + "': " + cell));
    });
    Stream.concat(BASELINES.stream(), CONTAINED.stream())
        .forEach(model -> assertEquals("done", cells.get(model).get("status"), () -> cells.get(model).toString()));

    // tamper found no run to rewrite, no other cell's log went missing, and the baselines' rows are
    // byte for byte those of the clean run.
    assertEquals(baselineLines(cleanDirectory), baselineLines(runDirectory));
    for (String model : BASELINES) {
      assertTrue(Files.exists(runDirectory.resolve("cell-output/" + model + "__sudoku-4x4__b6__seed-7.log")), model);
    }
    assertTrue(log(runDirectory, "tamper").contains("tamper: rewrote []"), () -> log(runDirectory, "tamper"));
    // kill-siblings saw no other cell, kill-runner's SIGTERM reached only the sandbox's own init: the run went on.
    assertFalse(log(runDirectory, "kill-siblings").contains("SIGKILL"), () -> log(runDirectory, "kill-siblings"));
    assertTrue(run.out().contains("run directory: " + runDirectory), run::toString);
    // tmp-writer wrote into its private /tmp, removed after its cell.
    assertTrue(log(runDirectory, "tmp-writer").contains("tmp-writer: wrote /tmp/"), () -> log(runDirectory,
        "tmp-writer"));
    assertFalse(Files.exists(PROBE), "nothing was written into the runner's temporary folder");
    assertFalse(Files.exists(Path.of("/tmp", PROBE.getFileName().toString())), "nothing was written into /tmp");
    // cheat's solver was withheld: no row of it.
    assertTrue(RunFiles.csv(runDirectory.resolve("results.csv")).stream().noneMatch(r -> r.get("model").equals("cheat")));
    // chatter's 24 MB were cut to the log's cap, the tail kept and the cut said.
    String chatter = log(runDirectory, "chatter");
    assertTrue(chatter.contains("bytes of this cell's output were cut here") && chatter.strip().endsWith(
        "chatter: the last line"), () -> chatter.substring(Math.max(0, chatter.length() - 500)));
    assertTrue(chatter.length() < 4 * 1024 * 1024 + 1024, "the log holds at most its cap");
  }

  @Test
  void listSaysWhichSandboxIsInForce() {
    Cli.Outcome listing = Cli.reckon("list");
    assertTrue(listing.out().contains("Sandbox\n  --sandbox auto: cells run sandboxed; bubblewrap works here"),
        listing::toString);
    Cli.Outcome off = Cli.reckon("list", "--sandbox", "off");
    assertTrue(off.out().contains("--sandbox off: cells run as your user"), off::toString);
  }

  private static List<String> baselineLines(Path runDirectory) throws IOException {
    return Files.readAllLines(runDirectory.resolve("results.csv")).stream()
        .filter(line -> BASELINES.stream().anyMatch(model -> line.startsWith(model + ","))).toList();
  }

  private static String log(Path runDirectory, String model) {
    try {
      return Files.readString(runDirectory.resolve("cell-output/" + model + "__sudoku-4x4__b6__seed-7.log"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
