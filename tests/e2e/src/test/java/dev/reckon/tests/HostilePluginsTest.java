package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that attack the runner: models that break the rules of what they return or end their
 * JVM, and offerings that break when loaded. Each fails only itself, with a reason naming it and
 * the rule; the rest of the run is exactly what it is without them.
 */
class HostilePluginsTest {
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
        - id: propagation
      """;
  private static final List<String> BASELINES = List.of("oracle", "uniform", "propagation");
  /** Each failing hostile model and the words its reason must hold. */
  private static final Map<String, List<String>> BROKEN_RULES = new LinkedHashMap<>();

  static {
    BROKEN_RULES.put("forger", List.of("model forger on level b6",
        "measured 'puzzle_accuracy', the name of one of the task's metrics"));
    BROKEN_RULES.put("backwards", List.of("model backwards on level b6", "gave iteration counts [8, 2]",
        "positive and strictly ascending"));
    BROKEN_RULES.put("nonpositive", List.of("model nonpositive on level b6", "gave iteration counts [-3, 0]",
        "positive and strictly ascending"));
    BROKEN_RULES.put("no-iterations", List.of("model no-iterations on level b6", "gave no iteration counts"));
    BROKEN_RULES.put("exiter", List.of("ended with exit status 3 before the cell finished: model exiter",
        "System.exit"));
    BROKEN_RULES.put("halter", List.of("ended with exit status 4 before the cell finished: model halter",
        "Runtime.halt"));
    BROKEN_RULES.put("null-answer", List.of("model null-answer on level b6", "returned no predictions (null)"));
    BROKEN_RULES.put("nan-measurement", List.of("model nan-measurement on level b6", "confidence = NaN",
        "values must be finite"));
    BROKEN_RULES.put("out-of-range", List.of("model out-of-range on level b6", "wrong shape",
        "label 0 of node", "is outside 1..4"));
  }

  @TempDir Path work;

  @Test
  void hostileModelsFailOnlyTheirOwnCellsAndTheRestIsAsWithoutThem() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("hostile-models", plugins.resolve("hostile-models.jar"));
    Path baselineSuite = work.resolve("baseline.yaml");
    Files.writeString(baselineSuite, "name: baseline\n" + TASK);
    Path hostileSuite = work.resolve("hostile.yaml");
    Files.writeString(hostileSuite, "name: hostile\n" + TASK + Stream.concat(Stream.of("mutator"),
        BROKEN_RULES.keySet().stream()).map(id -> "  - id: " + id + "\n").collect(Collectors.joining()));

    Cli.Outcome baseline = Cli.reckon("run", "--suite", baselineSuite.toString(), "--out",
        work.resolve("baseline-runs").toString());
    assertEquals(0, baseline.status(), baseline::toString);
    List<Map<String, String>> baselineResults = RunFiles.csv(RunFiles.onlyRun(work.resolve("baseline-runs"))
        .resolve("results.csv"));

    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", hostileSuite.toString(), "--out",
        work.resolve("runs").toString());

    assertEquals(1, run.status(), run::toString);
    assertTrue(run.out().contains("4 done, 9 failed, 0 skipped"), run::toString);
    Path runDirectory = RunFiles.onlyRun(work.resolve("runs"));
    List<Map<String, String>> cells = RunFiles.csv(runDirectory.resolve("cells.csv"));
    Map<String, Map<String, String>> byModel = cells.stream().collect(Collectors.toMap(c -> c.get("model"), c -> c));
    assertEquals(13, cells.size(), cells::toString);
    BROKEN_RULES.forEach((model, words) -> {
      Map<String, String> cell = byModel.get(model);
      assertEquals("failed", cell.get("status"), cell::toString);
      for (String word : words) {
        assertTrue(cell.get("reason").contains(word), () -> model + "'s reason lacks '" + word + "': " + cell);
      }
    });
    for (String model : BASELINES) {
      assertEquals("done", byModel.get(model).get("status"), cells::toString);
    }
    List<Map<String, String>> results = RunFiles.csv(runDirectory.resolve("results.csv"));
    assertTrue(results.stream().noneMatch(r -> BROKEN_RULES.containsKey(r.get("model"))),
        "failed cells leave no rows");
    assertEquals(scores(baselineResults, BASELINES), scores(results, BASELINES),
        "the baselines' values, n and intervals are those of the run without hostile models");

    // The mutator wrote into the datasets it was handed; the run scored it against its own
    // untouched copy: every blank still counted (30 puzzles x 6 blanks), and its 1s on the blanks
    // repeat a label in some row of every puzzle (6 blanks in 4 rows).
    assertEquals("done", byModel.get("mutator").get("status"), cells::toString);
    Map<String, String> mutatorCells = result(results, "mutator", "cell_accuracy");
    assertEquals("180", mutatorCells.get("n"), mutatorCells::toString);
    assertEquals(1.0, Double.parseDouble(result(results, "mutator", "violation_rate").get("value")));
    assertTrue(Files.exists(runDirectory.resolve("report/report.html")), "the run is reported");

    // Resuming retries the failed cells only; they fail again for the same reasons.
    String resultsBefore = Files.readString(runDirectory.resolve("results.csv"));
    Cli.Outcome resumed = Cli.reckon("run", "--plugins", plugins.toString(), "--resume", runDirectory.toString());

    assertEquals(1, resumed.status(), resumed::toString);
    assertTrue(resumed.out().contains("0 done, 9 failed, 0 skipped, 4 kept from before"), resumed::toString);
    List<Map<String, String>> after = RunFiles.csv(runDirectory.resolve("cells.csv"));
    assertEquals(22, after.size(), after::toString);
    // Each cell's lines stay together, in plan order: a retried cell's new line follows its first.
    List<Map<String, String>> firstLines = new ArrayList<>();
    List<Map<String, String>> retries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map<String, String> line : after) {
      (seen.add(line.get("model")) ? firstLines : retries).add(line);
    }
    assertEquals(cells, firstLines, "the first attempt's lines are kept as they were");
    assertEquals(9, retries.size(), after::toString);
    for (Map<String, String> retry : retries) {
      String model = retry.get("model");
      assertTrue(BROKEN_RULES.containsKey(model), () -> model + " was recomputed: " + after);
      assertEquals("failed", retry.get("status"), retry::toString);
      assertEquals(byModel.get(model).get("reason"), retry.get("reason"));
    }
    assertEquals(BROKEN_RULES.keySet(), retries.stream().map(c -> c.get("model")).collect(Collectors.toSet()));
    assertEquals(RunFiles.csv(runDirectory.resolve("results.csv")), results, "no result changed");
    assertEquals(resultsBefore, Files.readString(runDirectory.resolve("results.csv")));
    assertTrue(Files.exists(runDirectory.resolve("report/report.html")));
  }

  @Test
  void offeringsThatBreakAtLoadAreRefusedByNameAndNothingEscapesTheRun() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    Path jar = PluginJars.build("hostile-loading", plugins.resolve("hostile-loading.jar"));

    Cli.Outcome listing = Cli.reckon("list", "--plugins", plugins.toString());

    assertEquals(1, listing.status(), listing::toString);
    assertTrue(listing.out().contains("Failed to load"), listing::toString);
    String failures = listing.out().substring(listing.out().indexOf("Failed to load"));
    assertLine(failures, jar, "model 'version-thrower' refused:", "the version file of version-thrower is missing");
    assertLine(failures, jar, "model refused:", "model id is null");
    assertLine(failures, jar, "model refused:", "model id '../escape' is not a safe name");
    String loaded = listing.out().substring(0, listing.out().indexOf("Failed to load"));
    assertTrue(loaded.lines().anyMatch(l -> l.trim().startsWith("still-standing ") && l.contains(jar.toString())),
        () -> "the plugin's sound model still loads\n" + listing);
    assertTrue(loaded.lines().anyMatch(l -> l.trim().startsWith("empty-task ")), listing::toString);
    assertTrue(loaded.lines().noneMatch(l -> l.contains("version-thrower") || l.contains("escape")),
        listing::toString);

    Path suite = work.resolve("loading.yaml");
    Files.writeString(suite, """
        name: loading
        seeds: [7]
        tasks:
          - id: empty-task
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            evalSize: 10
        models:
          - id: oracle
          - id: ../escape
        """);
    Path out = work.resolve("runs");

    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        out.toString());

    assertEquals(0, run.status(), run::toString);
    assertTrue(run.err().lines().anyMatch(l -> l.contains("warning: task empty-task: it declares no levels; its "
        + "cells are left out")), run::toString);
    assertTrue(run.err().contains("model ../escape"), run::toString);
    Path runDirectory = RunFiles.onlyRun(out);
    List<Map<String, String>> cells = RunFiles.csv(runDirectory.resolve("cells.csv"));
    assertEquals(List.of("oracle/sudoku-4x4/done"), cells.stream()
        .map(c -> c.get("model") + "/" + c.get("task") + "/" + c.get("status")).toList());
    JsonNode manifest = new ObjectMapper().readTree(runDirectory.resolve("manifest.json").toFile());
    List<String> missing = new ArrayList<>();
    manifest.at("/missingFromSuite").forEach(node -> missing.add(node.asText()));
    List<String> unusable = new ArrayList<>();
    manifest.at("/unusableTasks").forEach(node -> unusable.add(node.asText()));
    assertEquals(List.of("task empty-task: it declares no levels"), unusable);
    assertTrue(missing.contains("model ../escape"), missing::toString);
    try (Stream<Path> walk = Files.walk(work)) {
      List<Path> escaped = walk.filter(p -> p.getFileName().toString().contains("escape")).toList();
      assertEquals(List.of(), escaped, "no file or folder is named after the unsafe id");
    }
    assertTrue(!Files.exists(work.getParent().resolve("escape")), "nothing escaped the work folder");
  }

  @Test
  void aMistypedModelSettingStopsTheRunBeforeAnythingIsWritten() throws IOException {
    Path suite = work.resolve("typo.yaml");
    Files.writeString(suite, """
        name: typo
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 20
            evalSize: 10
        models:
          - id: rrn
            config: {hidden: 16, step: 16}
        """);
    Path out = work.resolve("runs");

    Cli.Outcome run = Cli.reckon("run", "--suite", suite.toString(), "--out", out.toString());

    assertEquals(2, run.status(), run::toString);
    assertTrue(run.err().contains("rrn") && run.err().contains("'step'") && run.err().contains("steps"),
        run::toString);
    assertTrue(run.err().lines().count() == 1, () -> "one sentence: " + run);
    assertTrue(!Files.exists(out) || isEmpty(out), "no run directory was created");
  }

  /** Each row's value, n and interval by model, task, levels, iterations, metric and seed. */
  private static Map<List<String>, List<String>> scores(List<Map<String, String>> results, List<String> models) {
    Map<List<String>, List<String>> scores = new HashMap<>();
    for (Map<String, String> r : results) {
      if (models.contains(r.get("model"))) {
        List<String> key = List.of(r.get("model"), r.get("task"), r.get("train_level"), r.get("eval_level"),
            r.get("iterations"), r.get("metric"), r.get("seed"));
        List<String> previous = scores.put(key, List.of(r.get("value"), r.get("n"), r.get("ci_low"), r.get("ci_high")));
        assertEquals(null, previous, () -> "two rows for " + key);
      }
    }
    assertTrue(scores.keySet().stream().map(k -> k.get(0)).collect(Collectors.toSet()).containsAll(Set.copyOf(models)),
        scores::toString);
    return scores;
  }

  private static Map<String, String> result(List<Map<String, String>> results, String model, String metric) {
    return results.stream().filter(r -> r.get("model").equals(model) && r.get("metric").equals(metric)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " of " + model + " in " + results));
  }

  private static void assertLine(String text, Path jar, String... words) {
    assertTrue(text.lines().anyMatch(line -> line.contains(jar.toString()) && Stream.of(words).allMatch(line::contains)),
        () -> "no line naming " + jar + " with " + List.of(words) + " in\n" + text);
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
