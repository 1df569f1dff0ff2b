package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-example outcomes and data provenance end to end: a run stores which examples each
 * proportion counted and the sha256 of its data, the same at the same seed; {@code reckon compare}
 * pairs two runs by seed (runs at different seeds: in order) where their evaluation sets agree and
 * says so where they cannot be paired.
 */
class OutcomesAndCompareTest {
  private static final String SUITE = """
      name: outcomes
      seeds: [1, 2]
      tasks:
        - id: sudoku-4x4
          train: b6
          trainSize: 200
          evalSize: 60
      models:
        - id: uniform
        - id: propagation
          config: {maxRounds: 8}
        - id: rrn
          config: {hidden: 16, steps: 4, updates: 40, batchSize: 32, evalEvery: 20}
      """;
  private static final String SHA256 = "[0-9a-f]{64}";

  @TempDir Path work;

  @Test
  void outcomesAgreeWithTheScoresRepeatAtTheSeedAndCompareByIt() throws IOException {
    Path suite = Files.writeString(work.resolve("outcomes.yaml"), SUITE);
    Path one = run(suite, "one", "--seed", "1");
    Path again = run(suite, "again", "--seed", "1");
    Path both = run(suite, "both");
    Path two = run(suite, "two", "--seed", "2");

    assertEquals(Files.readString(one.resolve("outcomes.csv")), Files.readString(again.resolve("outcomes.csv")),
        "two runs at one seed count the same examples");
    List<Map<String, String>> outcomes = RunFiles.csv(one.resolve("outcomes.csv"));
    assertFalse(outcomes.isEmpty());
    List<Map<String, String>> results = RunFiles.csv(one.resolve("results.csv"));
    for (Map<String, String> row : outcomes) {
      int n = Integer.parseInt(row.get("n"));
      BitSet counted = BitSet.valueOf(HexFormat.of().parseHex(row.get("outcomes")));
      double value = RunFiles.value(results, row.get("model"), row.get("task"), row.get("eval_level"),
          row.get("metric"), Integer.parseInt(row.get("iterations")));
      assertEquals(value, (double) counted.cardinality() / n, 1e-12, row::toString);
    }
    assertEquals(Set.of("puzzle_accuracy", "violation_rate"),
        outcomes.stream().map(row -> row.get("metric")).collect(Collectors.toSet()));

    List<Map<String, String>> cells = RunFiles.csv(one.resolve("cells.csv"));
    ObjectMapper json = new ObjectMapper();
    Set<String> evaluationSets = new java.util.HashSet<>();
    for (Map<String, String> cell : cells) {
      assertEquals(cell.get("model").equals("rrn"), cell.get("train_data_sha256").matches(SHA256), cell::toString);
      JsonNode levels = json.readTree(cell.get("eval_data_sha256"));
      levels.fields().forEachRemaining(level -> evaluationSets.add(level.getKey() + " " + level.getValue().asText()));
    }
    assertEquals(RunFiles.csv(one.resolve("results.csv")).stream().map(r -> r.get("eval_level")).distinct().count(),
        evaluationSets.size(), "every model of a seed saw the same examples on a level: " + evaluationSets);

    Cli.Outcome same = Cli.reckon("compare", one.toString(), again.toString());
    assertEquals(0, same.status(), same::toString);
    List<Map<String, String>> sameRows = RunFiles.csv(again.resolve("compare-vs-" + one.getFileName() + ".csv"));
    List<Map<String, String>> pairedRows = sameRows.stream().filter(r -> r.get("basis").startsWith("paired")).toList();
    assertEquals(outcomes.size(), pairedRows.size(), "every number with outcomes is paired: " + same.out());
    assertTrue(pairedRows.stream().allMatch(r -> r.get("difference").equals("0")
        && r.get("verdict").equals("within noise")), same::toString);

    // seed 2 alone against a run of seeds 1 and 2: paired on seed 2, where both saw the same examples
    Cli.Outcome bySeed = Cli.reckon("compare", both.toString(), two.toString());
    assertEquals(0, bySeed.status(), bySeed::toString);
    assertTrue(bySeed.out().contains("paired: 1 seed, 60 examples"), bySeed::toString);

    // seed 1 against seed 2: every seed evaluates on the same examples, so A's seed pairs with B's
    Cli.Outcome across = Cli.reckon("compare", one.toString(), two.toString(), "--out", work.toString());
    assertEquals(0, across.status(), across::toString);
    List<Map<String, String>> acrossRows = RunFiles.csv(work.resolve("compare-vs-" + one.getFileName() + ".csv"));
    assertEquals(outcomes.size(), acrossRows.stream().filter(r -> r.get("basis")
        .startsWith("paired: 1 seed (A's with B's in order), 60 examples")).count(), across::toString);

    // other examples (a smaller evaluation set): nothing pairs, and every row says why
    Path fewer = run(Files.writeString(work.resolve("fewer.yaml"), SUITE.replace("evalSize: 60", "evalSize: 30")),
        "fewer", "--seed", "1");
    Cli.Outcome apart = Cli.reckon("compare", one.toString(), fewer.toString(), "--out", work.toString());
    assertEquals(0, apart.status(), apart::toString);
    List<Map<String, String>> apartRows = RunFiles.csv(work.resolve("compare-vs-" + one.getFileName() + ".csv"));
    assertTrue(apartRows.stream().allMatch(r -> r.get("basis").startsWith("unpaired")), apart::toString);
    assertTrue(apart.out().contains("unpaired: the evaluation sets of seed 1 differ"), apart::toString);
    assertTrue(apart.out().contains("0 of " + apartRows.size() + " numbers paired"), apart::toString);

    Cli.Outcome check = Cli.reckon("check", again.toString(), "--baseline", one.toString());
    assertEquals(0, check.status(), check::toString);
  }

  @Test
  void compareRefusesWhatIsNotARunInOneSentence() throws IOException {
    Cli.Outcome missing = Cli.reckon("compare", work.resolve("nowhere").toString(), work.toString());
    assertEquals(2, missing.status(), missing::toString);
    assertEquals(1, missing.err().strip().lines().count(), missing::toString);
    assertTrue(missing.err().contains("does not exist"), missing::toString);

    Path empty = Files.createDirectories(work.resolve("empty"));
    Cli.Outcome notRun = Cli.reckon("compare", empty.toString(), empty.toString());
    assertEquals(2, notRun.status(), notRun::toString);
    assertEquals(1, notRun.err().strip().lines().count(), notRun::toString);
    assertTrue(notRun.err().contains("is not a run directory"), notRun::toString);
  }

  private Path run(Path suite, String name, String... more) {
    Path out = work.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of("run", "--suite", suite.toString(), "--out",
        out.toString()));
    args.addAll(List.of(more));
    Cli.Outcome outcome = Cli.reckon(args.toArray(String[]::new));
    assertEquals(0, outcome.status(), outcome::toString);
    return RunFiles.onlyRun(out);
  }
}
