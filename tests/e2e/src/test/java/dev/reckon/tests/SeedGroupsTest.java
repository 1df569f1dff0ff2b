package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell's seeds run as one group: trained as one network by a model that stacks seeds, each
 * seed's rows its own and equal to its run alone's within float rounding, the same on every run.
 */
class SeedGroupsTest {
  /** The relative difference a seed's score may show between its group and its run alone. */
  private static final double TOLERANCE = 1e-5;

  @TempDir Path work;

  @Test
  void aGroupsSeedsScoreAsTheyDoAloneAndTwoGroupedRunsAreIdentical() throws IOException {
    Path suite = work.resolve("seeds.yaml");
    Files.writeString(suite, """
        name: seeds
        seeds: [1, 2, 3]
        tasks:
          - id: infonce-convergence
            train: dependent
            eval: [dependent]
            trainSize: 2000
            evalSize: 200
        models:
          - id: uniform
          - id: table-nll
            config: {updates: 200, batchSize: 100}
          - id: table-infonce
            config: {updates: 200, batchSize: 100}
        """);
    Path grouped = run(suite, "grouped");
    Path again = run(suite, "again");
    Path alone = run(suite, "alone", "--seed-batch", "off");

    assertEquals(Files.readString(grouped.resolve("results.csv")), Files.readString(again.resolve("results.csv")),
        "two grouped runs write the same results");
    List<Map<String, String>> cells = RunFiles.csv(grouped.resolve("cells.csv"));
    assertEquals(9, cells.size());
    for (Map<String, String> cell : cells) {
      assertEquals(cell.get("model").startsWith("table-") ? "3" : "", cell.get("seed_group"), cell::toString);
    }
    assertTrue(RunFiles.csv(alone.resolve("cells.csv")).stream()
        .filter(cell -> cell.get("model").startsWith("table-")).allMatch(cell -> cell.get("seed_group").equals("1")));

    List<Map<String, String>> together = RunFiles.csv(grouped.resolve("results.csv"));
    List<Map<String, String>> apart = RunFiles.csv(alone.resolve("results.csv"));
    assertEquals(apart.size(), together.size());
    for (int i = 0; i < apart.size(); i++) {
      Map<String, String> mine = together.get(i);
      Map<String, String> theirs = apart.get(i);
      for (String column : List.of("model", "seed", "eval_level", "iterations", "metric", "n")) {
        assertEquals(theirs.get(column), mine.get(column), column + " of row " + i);
      }
      double value = Double.parseDouble(mine.get("value"));
      double expected = Double.parseDouble(theirs.get("value"));
      assertEquals(expected, value, TOLERANCE * Math.max(1, Math.abs(expected)), mine::toString);
    }
  }

  @Test
  void aSeedThatFailsAfterItsGroupTrainedFailsAlone() throws IOException {
    Path plugins = work.resolve("plugins");
    PluginJars.build("test-models", plugins.resolve("test-models.jar"));
    Path suite = work.resolve("member.yaml");
    Files.writeString(suite, """
        name: member
        seeds: 3
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 50
            evalSize: 20
        models:
          - id: majority-grouped
        """);
    Path out = work.resolve("member");
    Cli.Outcome outcome = Cli.reckon("run", "--suite", suite.toString(), "--plugins", plugins.toString(), "--out",
        out.toString());
    assertEquals(1, outcome.status(), outcome::toString);
    List<Map<String, String>> cells = RunFiles.csv(RunFiles.onlyRun(out).resolve("cells.csv"));
    assertEquals(List.of("done", "failed", "done"), cells.stream().map(cell -> cell.get("status")).toList());
    assertTrue(cells.get(1).get("reason").contains("the second seed's slice is corrupt"), cells.get(1)::toString);
    assertEquals(List.of("3", "", "3"), cells.stream().map(cell -> cell.get("seed_group")).toList());
  }

  private Path run(Path suite, String name, String... more) {
    Path out = work.resolve(name);
    List<String> args = new ArrayList<>(List.of("run", "--suite", suite.toString(), "--out",
        out.toString()));
    args.addAll(List.of(more));
    Cli.Outcome outcome = Cli.reckon(args.toArray(String[]::new));
    assertEquals(0, outcome.status(), outcome::toString);
    return RunFiles.onlyRun(out);
  }
}
