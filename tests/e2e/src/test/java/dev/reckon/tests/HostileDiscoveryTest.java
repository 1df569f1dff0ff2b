package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins whose code breaks the process it runs in outside the cells (issue 31): a constructor
 * that sleeps for ever (hang-ctor), {@code System.exit(0)} in {@code models()} (exit-load), a
 * {@code supports()} that sleeps for ever (hang-supports), a {@code create()} that asks for 16 GB
 * (huge-create). Discovery and planning run plugin code in a process of their own, with a heap and
 * a time limit: each is named and skipped, {@code list} and {@code run} exit 1, and the baselines'
 * rows are byte for byte those of a clean run. With the default {@code --sandbox auto}.
 */
class HostileDiscoveryTest {
  /** Short, so that a hang costs seconds; long enough for a sound plugin to load on a busy machine. */
  private static final String TIME_LIMIT = "8";
  private static final String TASK = """
      seeds: [7]
      tasks:
        - id: sudoku-4x4
          train: b6
          eval: [b6]
          evalSize: 30
      """;
  private static final List<String> BASELINES = List.of("oracle", "uniform");

  @TempDir Path work;

  @Test
  void listNamesEachPluginThatBreaksDiscoveryAndExitsOne() throws IOException {
    Path plugins = plugins("exit-load", "hang-ctor", "hang-supports");

    Cli.Outcome listing = Cli.reckon("list", "--plugins", plugins.toString(), "--plugin-time-limit", TIME_LIMIT);

    assertEquals(1, listing.status(), listing::toString);
    String failures = listing.out().substring(listing.out().indexOf("Failed to load"));
    assertLine(failures, plugins.resolve("hang-ctor.jar"), "loading it in discovery's process, its code did not "
        + "finish within 8 s");
    assertLine(failures, plugins.resolve("exit-load.jar"), "ended the process with exit status 0",
        "System.exit");
    String loaded = listing.out().substring(0, listing.out().indexOf("Failed to load"));
    for (String id : List.of("hang-supports", "oracle", "sudoku-4x4")) {
      assertTrue(loaded.lines().anyMatch(line -> line.trim().startsWith(id + " ")), () -> id + " is listed\n"
          + listing);
    }

    // A task made at its defaults, for --verbose, in planning's process: its 16 GB end that process only.
    Path huge = plugins("huge-create");
    Cli.Outcome described = Cli.reckon("list", "--plugins", huge.toString(), "--plugin-time-limit", TIME_LIMIT,
        "--verbose", "huge-create", "sudoku-4x4");

    assertEquals(1, described.status(), described::toString);
    assertTrue(described.out().contains("unusable at its default settings: making it at its settings in planning's "
        + "process, its code ran out of memory"), described::toString);
    assertTrue(described.out().contains("levels (easiest first):"), "sudoku-4x4 is still described\n" + described);
    assertLine(described.out().substring(described.out().indexOf("Failed to load")), huge.resolve("huge-create.jar"),
        "task huge-create: making it at its settings in planning's process, its code ran out of memory");
  }

  @Test
  void runSkipsEachByNameExitsOneAndTheBaselinesAreByteEqual() throws IOException {
    Path plugins = plugins("exit-load", "hang-ctor", "hang-supports", "huge-create");
    Path clean = suite("clean", "", BASELINES);
    Path hostile = suite("hostile", "  - id: huge-create\n", List.of("oracle", "uniform", "hang-supports"));

    Cli.Outcome cleanRun = Cli.reckon("run", "--suite", clean.toString(), "--out", work.resolve("clean").toString());
    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", hostile.toString(), "--out",
        work.resolve("runs").toString(), "--plugin-time-limit", TIME_LIMIT);

    assertEquals(0, cleanRun.status(), cleanRun::toString);
    assertEquals(1, run.status(), run::toString);
    assertLine(run.err(), plugins.resolve("hang-ctor.jar"), "warning: plugin", "did not finish within 8 s");
    assertLine(run.err(), plugins.resolve("exit-load.jar"), "warning: plugin", "ended the process with exit status 0");
    assertLine(run.err(), plugins.resolve("huge-create.jar"), "warning: plugin", "task huge-create: making it at its "
        + "settings in planning's process, its code ran out of memory");
    assertTrue(run.err().lines().anyMatch(line -> line.startsWith("warning: task huge-create: making it at its "
        + "settings") && line.endsWith("its cells are left out")), run::toString);
    assertLine(run.err(), plugins.resolve("hang-supports.jar"), "warning: plugin", "model hang-supports: asking it in "
        + "planning's process whether it supports task sudoku-4x4, its code did not finish within 8 s");
    Path runDirectory = RunFiles.onlyRun(work.resolve("runs"));
    Map<String, Map<String, String>> cells = RunFiles.csv(runDirectory.resolve("cells.csv")).stream()
        .collect(Collectors.toMap(cell -> cell.get("model") + "/" + cell.get("task"), Function.identity()));
    assertEquals(List.of("hang-supports/sudoku-4x4", "oracle/sudoku-4x4", "uniform/sudoku-4x4"),
        cells.keySet().stream().sorted().toList(), "huge-create's cells are left out");
    BASELINES.forEach(model -> assertEquals("done", cells.get(model + "/sudoku-4x4").get("status"), cells::toString));
    Map<String, String> hung = cells.get("hang-supports/sudoku-4x4");
    assertEquals("failed", hung.get("status"), hung::toString);
    assertTrue(hung.get("reason").contains("did not finish within 8 s"), hung::toString);
    assertEquals(baselineLines(RunFiles.onlyRun(work.resolve("clean"))), baselineLines(runDirectory));

    JsonNode manifest = new ObjectMapper().readTree(runDirectory.resolve("manifest.json").toFile());
    List<String> pluginFailures = new ArrayList<>();
    manifest.at("/pluginFailures").forEach(node -> pluginFailures.add(node.asText()));
    for (String jar : List.of("hang-ctor.jar", "exit-load.jar", "huge-create.jar", "hang-supports.jar")) {
      assertTrue(pluginFailures.stream().anyMatch(failure -> failure.startsWith(plugins.resolve(jar).toString())),
          () -> jar + " in " + pluginFailures);
    }
    assertTrue(manifest.at("/unusableTasks/0").asText().startsWith("task huge-create: making it at its settings"),
        manifest::toPrettyString);
  }

  /** A plugin directory with the hostile plugins of these names, each its own jar. */
  private Path plugins(String... names) throws IOException {
    Path directory = Files.createDirectories(work.resolve(String.join("+", names)));
    for (String name : names) {
      PluginJars.build(name, directory.resolve(name + ".jar"));
    }
    return directory;
  }

  private Path suite(String name, String moreTasks, List<String> models) throws IOException {
    Path file = work.resolve(name + ".yaml");
    Files.writeString(file, "name: " + name + "\n" + TASK + moreTasks + "models:\n"
        + models.stream().map(model -> "  - id: " + model + "\n").collect(Collectors.joining()));
    return file;
  }

  private static List<String> baselineLines(Path runDirectory) throws IOException {
    return Files.readAllLines(runDirectory.resolve("results.csv")).stream()
        .filter(line -> BASELINES.stream().anyMatch(model -> line.startsWith(model + ","))).toList();
  }

  private static void assertLine(String text, Path jar, String... words) {
    assertTrue(text.lines().anyMatch(line -> line.contains(jar.toString())
        && Stream.of(words).allMatch(line::contains)), () -> "no line naming " + jar + " with " + List.of(words)
        + " in\n" + text);
  }
}
