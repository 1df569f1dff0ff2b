package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reckon report} and {@code reckon check} on a quick run: the report holds the leaderboards
 * and the claims; the run passes a check against itself and against a baseline of its results
 * alone, and a copy whose propagation model got weaker, or an rrn trained with fewer updates, fails
 * it, naming the model; a copy whose results.csv was edited without its outcomes.csv is refused.
 */
class ReportAndCheckTest {
  @TempDir static Path work;
  static Path run;

  @BeforeAll
  static void runQuickSuite() throws IOException {
    run = QuickRun.copyInto(Files.createDirectories(work.resolve("runs")));
  }

  @Test
  void reportWritesThePageTheSummaryAndTheLeaderboards() throws IOException {
    Cli.Outcome outcome = Cli.reckon("report", run.toString());
    assertEquals(0, outcome.status(), outcome::toString);
    Path report = run.resolve("report");
    assertTrue(outcome.out().contains("wrote " + report.resolve("report.html")), outcome::toString);
    for (String file : List.of("report.html", "report.md", "leaderboards/ttc.csv", "leaderboards/generalization.csv",
        "leaderboards/compositional.csv", "leaderboards/efficiency.csv", "leaderboards/collapses.csv")) {
      assertTrue(Files.size(report.resolve(file)) > 0, file);
    }
    String md = Files.readString(report.resolve("report.md"));
    assertTrue(md.contains("| **propagation-complete** | seeds/claims.yaml | passed (1 seed): "), md);
    assertTrue(md.contains("| **oracle-perfect** | seeds/claims.yaml | passed (1 seed): "), md);
    assertTrue(md.contains("| **rrn-more-iterations** | seeds/claims.yaml | "), md);
    assertTrue(md.contains("| **deq-less-memory** | seeds/claims.yaml | reproduced (1 seed): sudoku-4x4 b6 seed 1: largest "
        + "update_memory_mb deq-gnn "), md);
    assertTrue(md.contains("| sudoku-6x6 | minimal | propagation | b12 | puzzle_accuracy |"), md);
  }

  @Test
  void severalRunsAreReportedSideBySide() throws IOException {
    Path out = work.resolve("side-by-side");
    Cli.Outcome outcome = Cli.reckon("report", run.toString(), weakened("side", true), "--out", out.toString());
    assertEquals(0, outcome.status(), outcome::toString);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Comparison with the baseline `" + run.getFileName() + "`"), md);
    assertTrue(md.lines().anyMatch(row -> row.startsWith("| propagation | sudoku-6x6 | b12 | minimal | 64 | "
        + "puzzle_accuracy | 1 | ") && row.endsWith(" | 0.7 | -0.3 | worse |")), md);
    assertTrue(Files.exists(out.resolve("comparison.csv")));
  }

  /** {@code report --verdicts}: only the page, nothing written into the run; its misuses are one sentence. */
  @Test
  void verdictsWritesOnlyThePageOfOneRun() throws IOException {
    Path copy = copyOfRun(work.resolve("verdicts-run"));
    List<Path> before = listing(copy);
    Path page = work.resolve("pages/verdicts.md");
    Cli.Outcome outcome = Cli.reckon("report", copy.toString(), "--verdicts", page.toString(), "--note", "A quick run.");
    assertEquals(0, outcome.status(), outcome::toString);
    assertEquals("wrote " + page, outcome.out().strip());
    assertEquals(before, listing(copy), "nothing written into the run");
    String md = Files.readString(page);
    assertTrue(md.contains("\n# Verdicts of the run `") && md.contains("\nA quick run.\n") && md.contains("| suite | quick |")
        && md.contains("- **oracle-perfect**: passed (1 seed)\n") && md.contains("| claim | verdict | why |"), md);

    Cli.Outcome two = Cli.reckon("report", copy.toString(), run.toString(), "--verdicts", page.toString());
    assertEquals(2, two.status(), two::toString);
    assertEquals("reckon: --verdicts writes the page of one run; 2 were given", two.err().strip());
    Cli.Outcome note = Cli.reckon("report", copy.toString(), "--note", "x", "--out", work.resolve("n").toString());
    assertEquals(2, note.status(), note::toString);
    assertEquals("reckon: --note goes with --verdicts: it is a line of the verdicts page", note.err().strip());
  }

  /** The run's files (not its folders) copied into {@code directory}. */
  private static Path copyOfRun(Path directory) throws IOException {
    Files.createDirectories(directory);
    try (Stream<Path> files = Files.list(run)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, directory.resolve(file.getFileName()));
      }
    }
    return directory;
  }

  private static List<Path> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aRunPassesAgainstItself() throws IOException {
    Path junit = work.resolve("self/check.xml");
    Path summary = work.resolve("self/summary.md");
    Cli.Outcome outcome = Cli.reckon("check", run.toString(), "--baseline", run.toString(), "--junit",
        junit.toString(), "--summary", summary.toString());
    assertEquals(0, outcome.status(), outcome::toString);
    assertTrue(outcome.out().strip().startsWith("check passed: ") && outcome.out().strip().endsWith(", 0 failed"),
        outcome::toString);
    assertTrue(Files.readString(junit).contains("failures=\"0\""));
    assertTrue(Files.readString(summary).startsWith("## reckon check: passed"));
  }

  @Test
  void aBaselineOfResultsAloneIsEnough() throws IOException {
    Path baseline = Files.createDirectories(work.resolve("stored-baseline"));
    Files.copy(run.resolve("results.csv"), baseline.resolve("results.csv"));
    Cli.Outcome outcome = Cli.reckon("check", run.toString(), "--baseline", baseline.toString());
    assertEquals(0, outcome.status(), outcome::toString);
  }

  @Test
  void aWeakenedModelFailsTheCheckAndIsNamed() throws IOException {
    Path junit = work.resolve("weak/check.xml");
    Path summary = work.resolve("weak/summary.md");
    Cli.Outcome outcome = Cli.reckon("check", weakened("weak", true), "--baseline", run.toString(), "--junit",
        junit.toString(), "--summary", summary.toString());
    assertEquals(1, outcome.status(), outcome::toString);
    assertTrue(outcome.out().lines().anyMatch(line -> line.startsWith("FAIL propagation on sudoku-6x6 (train b12, eval "
        + "minimal, 64 iterations): puzzle_accuracy got worse from 1 to 0.7: the paired difference -0.3 [")
        && line.contains("lies beyond the tolerance 0.05")), outcome::toString);
    String xml = Files.readString(junit);
    assertTrue(xml.contains("<testcase classname=\"sudoku-6x6.propagation\" name=\"puzzle_accuracy train b12 eval "
        + "minimal at 64 iterations\"><failure type=\"regression\""), xml);
    assertTrue(Files.readString(summary).contains("| propagation | sudoku-6x6 | b12 | minimal | 64 | puzzle_accuracy "
        + "| 1 | 0.7 | -0.3 | 0.05 |"));
  }

  @Test
  void resultsEditedWithoutTheirOutcomesAreRefused() throws IOException {
    String edited = weakened("edited", false);
    for (List<String> command : List.of(List.of("check", edited, "--baseline", run.toString()),
        List.of("compare", run.toString(), edited), List.of("report", edited))) {
      Cli.Outcome outcome = Cli.reckon(command.toArray(String[]::new));
      assertEquals(2, outcome.status(), outcome::toString);
      assertTrue(outcome.err().contains(Path.of(edited, "outcomes.csv") + " line "), outcome::toString);
      assertTrue(outcome.err().contains(": propagation on sudoku-6x6 (train b12, eval b12, 64 iterations, seed 1): "
          + "puzzle_accuracy counts 100 of 100 examples, 1.0, but results.csv holds 0.7; one of the two files was "
          + "changed without the other"), outcome::toString);
    }
  }

  @Test
  void aModelTrainedWithFewerUpdatesFailsTheCheckAndIsNamed() throws IOException {
    Path baseline = rrnRun("baseline", 300);
    Path weak = rrnRun("few-updates", 10);
    Path junit = work.resolve("few-updates/check.xml");
    Cli.Outcome outcome = Cli.reckon("check", weak.toString(), "--baseline", baseline.toString(), "--junit",
        junit.toString());
    assertEquals(1, outcome.status(), outcome::toString);
    assertTrue(outcome.out().lines().anyMatch(line -> line.startsWith("FAIL rrn on sudoku-4x4 (train b6, eval b6, ")
        && line.contains("puzzle_accuracy got worse")), outcome::toString);
    assertTrue(Files.readString(junit).contains("classname=\"sudoku-4x4.rrn\""));
  }

  /**
   * {@code reckon history} over five runs given out of order, the fourth with propagation weakened:
   * the fourth run fails against the third, and propagation's points in it are the numbers marked.
   */
  @Test
  void historyOfFiveRunsMarksThePlantedRegression() throws IOException {
    List<String> runs = new ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      Path copy = k == 4 ? Path.of(weakened("history-4", true)) : copyOfRun(work.resolve("history-" + k));
      Path manifest = copy.resolve("manifest.json");
      Files.writeString(manifest, Files.readString(manifest)
          .replaceFirst("\"runId\"\\s*:\\s*\"[^\"]*\"", "\"runId\": \"quick-" + k + "\"")
          .replaceFirst("\"startedAt\"\\s*:\\s*\"[^\"]*\"", "\"startedAt\": \"2026-11-0" + k + "T12:00:00Z\""));
      runs.add(copy.toString());
    }
    Path out = work.resolve("history-page");
    Cli.Outcome outcome = Cli.reckon("history", runs.get(2), runs.get(4), runs.get(0), runs.get(3), runs.get(1),
        "--out", out.toString());
    assertEquals(0, outcome.status(), outcome::toString);
    assertTrue(outcome.out().startsWith("run 4 (quick-4) fails the check against run 3 (quick-3)\n"),
        outcome::toString);
    assertTrue(outcome.out().contains("wrote " + out.resolve("history.html")), outcome::toString);
    // weakened() drops propagation's 6x6 accuracy at 64 rounds on every level it was evaluated on
    List<String> failing = Files.readAllLines(out.resolve("history.csv")).stream().filter(l -> l.endsWith(",fails"))
        .toList();
    assertTrue(!failing.isEmpty() && failing.stream().allMatch(l -> l.startsWith("4,quick-4,2026-11-04T12:00:00Z,"
        + "propagation,sudoku-6x6,b12,") && l.contains(",64,puzzle_accuracy,")), failing::toString);
    assertTrue(failing.stream().anyMatch(l -> l.contains(",minimal,64,puzzle_accuracy,0.7,")), failing::toString);
    String html = Files.readString(out.resolve("history.html"));
    assertEquals(failing.size(), html.split("class=\"num check-fails\"", -1).length - 1, "those numbers marked");
    assertEquals(failing.size(), html.split("stroke:rgb\\(179,38,30\\)", -1).length - 1, "a ring each");
    String md = Files.readString(out.resolve("history.md"));
    assertTrue(md.contains("\n### run 4 (quick-4) against run 3 (quick-3)\n") && md.contains("\n- propagation on "
        + "sudoku-6x6 (train b12, eval minimal, 64 iterations): puzzle_accuracy got worse from 1 to 0.7"), md);

    Cli.Outcome one = Cli.reckon("history", runs.get(0));
    assertEquals(2, one.status(), one::toString);
    assertEquals("reckon: a history needs at least two runs; 1 given", one.err().strip());
    Cli.Outcome twice = Cli.reckon("history", runs.get(0), runs.get(0));
    assertEquals(2, twice.status(), twice::toString);
    assertTrue(twice.err().strip().endsWith("are the same run (quick-1): a history takes each run once"),
        twice::toString);
    Cli.Outcome notARun = Cli.reckon("history", runs.get(0), work.toString());
    assertEquals(2, notARun.status(), notARun::toString);
    assertEquals("reckon: " + work + " is not a run directory: it has neither results.csv nor manifest.json",
        notARun.err().strip());
  }

  /** A run of rrn alone on 4x4 sudoku, trained with {@code updates} updates. */
  private static Path rrnRun(String name, int updates) throws IOException {
    // One suite name for both runs: check refuses a baseline of another suite.
    Path suite = Files.writeString(work.resolve(name + ".yaml"), """
        name: rrn-updates
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 1000
            evalSize: 100
        models:
          - id: rrn
            config: {hidden: 32, steps: 6, updates: %d, batchSize: 64, learningRate: 0.003}
        """.formatted(updates));
    Path out = work.resolve(name);
    Cli.Outcome outcome = Cli.reckon("run", "--suite", suite.toString(), "--out", out.toString());
    assertEquals(0, outcome.status(), outcome::toString);
    return RunFiles.onlyRun(out);
  }

  @Test
  void usageErrorsExitTwoWithOneSentence() {
    Cli.Outcome missing = Cli.reckon("check", work.resolve("nowhere").toString(), "--baseline", run.toString());
    assertEquals(2, missing.status(), missing::toString);
    assertTrue(missing.err().contains("no run directory " + work.resolve("nowhere")), missing::toString);

    Cli.Outcome tolerance = Cli.reckon("check", run.toString(), "--baseline", run.toString(), "--tolerance", "0.1");
    assertEquals(2, tolerance.status(), tolerance::toString);
    assertTrue(tolerance.err().contains("a tolerance is metric=value (or *=value), not '0.1'"), tolerance::toString);

    Cli.Outcome noBaseline = Cli.reckon("check", run.toString());
    assertEquals(2, noBaseline.status(), noBaseline::toString);

    Cli.Outcome notARun = Cli.reckon("report", work.toString());
    assertEquals(2, notARun.status(), notARun::toString);
    assertTrue(notARun.err().contains("is not a run directory"), notARun::toString);
  }

  /**
   * A copy of the run in which propagation solves 0.3 fewer 6x6 puzzles at its full budget of 64
   * rounds (interval moved with it), in results.csv and, {@code withOutcomes}, in outcomes.csv too
   * (the examples it no longer solves are its first solved ones): what a broken change to the
   * model would leave, or, without the outcomes, a results.csv edited by hand.
   */
  private static String weakened(String name, boolean withOutcomes) throws IOException {
    Path copy = Files.createDirectories(work.resolve(name).resolve(run.getFileName()));
    try (Stream<Path> files = Files.list(run)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    Map<List<String>, Double> values = new HashMap<>();
    rewrite(copy.resolve("results.csv"), row -> {
      for (String column : List.of("value", "ci_low", "ci_high")) {
        row.put(column, String.valueOf(Math.max(0, Double.parseDouble(row.get(column)) - 0.3)));
      }
      values.put(weakenedNumber(row), Double.parseDouble(row.get("value")));
    });
    if (withOutcomes) {
      rewrite(copy.resolve("outcomes.csv"), row -> {
        int n = Integer.parseInt(row.get("n"));
        byte[] bytes = HexFormat.of().parseHex(row.get("outcomes"));
        BitSet counted = BitSet.valueOf(bytes);
        while (counted.cardinality() > Math.round(values.get(weakenedNumber(row)) * n)) {
          counted.clear(counted.nextSetBit(0));
        }
        byte[] kept = counted.toByteArray();
        Arrays.fill(bytes, (byte) 0);
        System.arraycopy(kept, 0, bytes, 0, kept.length);
        row.put("outcomes", HexFormat.of().formatHex(bytes));
      });
    }
    return copy.toString();
  }

  /** The number of a weakened row, in results.csv or outcomes.csv: its level and seed. */
  private static List<String> weakenedNumber(Map<String, String> row) {
    return List.of(row.get("eval_level"), row.get("seed"));
  }

  /** Changes each row of {@code file} of propagation's 6x6 puzzle accuracy at 64 rounds through {@code weaken}. */
  private static void rewrite(Path file, Consumer<Map<String, String>> weaken) throws IOException {
    List<String> header;
    List<List<String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        Map<String, String> row = record.toMap();
        if (row.get("model").equals("propagation") && row.get("task").equals("sudoku-6x6")
            && row.get("metric").equals("puzzle_accuracy") && row.get("iterations").equals("64")) {
          weaken.accept(row);
        }
        rows.add(header.stream().map(row::get).toList());
      }
    }
    try (Writer writer = Files.newBufferedWriter(file);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      printer.printRecords(rows);
    }
  }
}
