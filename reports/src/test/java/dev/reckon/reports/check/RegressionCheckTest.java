package dev.reckon.reports.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.format.Fixtures;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.Measurement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A real drop fails the check and names the number; noise does not. */
class RegressionCheckTest {
  @TempDir Path work;

  @Test
  void aRunPassesAgainstItself() {
    RunResults run = Fixtures.read(Fixtures.SUDOKU, work);
    RegressionCheck check = RegressionCheck.of(run, run, Tolerances.defaults());
    assertTrue(check.passed());
    assertEquals(Measurement.of(run).size(), check.checked().size(), "every number is checked");
    assertEquals(check.checked().size(), check.count(Verdict.WITHIN_NOISE));
  }

  @Test
  void aSmallWobbleWithinTheNoisePasses() {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    AtomicInteger row = new AtomicInteger();
    Fixtures.rewriteResults(run, r -> Fixtures.shift(r, row.getAndIncrement() % 2 == 0 ? 0.02 : -0.02, true));
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    assertTrue(check.passed(), () -> check.failures().toString());
  }

  @Test
  void aDropBeyondTheToleranceButInsideTheNoisePasses() {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    // 0.45 [0.355, 0.549] of 100 puzzles to 0.39: 0.06 worse, but the intervals overlap.
    Fixtures.rewriteResults(run, r -> isRrnAccuracy(r, "minimal", "8") ? Fixtures.shift(r, -0.06, true) : r);
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    assertTrue(check.passed(), () -> check.failures().toString());
  }

  @Test
  void aRealDropFailsAndTheJUnitXmlNamesIt() throws Exception {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    Fixtures.shiftModel(run, "rrn", "puzzle_accuracy", -0.3);
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());

    assertFalse(check.passed());
    assertTrue(check.failures().stream().allMatch(f -> f.key().model().equals("rrn")
        && f.key().metric().equals("puzzle_accuracy")), () -> check.failures().toString());
    String expected = "rrn on sudoku-4x4 (train b6, eval minimal, 32 iterations): puzzle_accuracy got worse from 0.55 "
        + "[0.452, 0.644] to 0.25 [0.152, 0.344], by 0.3, beyond the tolerance 0.05; the 95% intervals do not overlap";
    assertTrue(check.failures().stream().anyMatch(f -> f.failure().orElseThrow().equals(expected)),
        () -> check.failures().toString());

    Path junit = work.resolve("out/check.xml");
    CheckReport.writeJUnit(check, junit);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    assertEquals(check.checked().size() + check.cells().size(), xml.getElementsByTagName("testcase").getLength(),
        "a test case a number and a cell");
    assertEquals(3, check.cells().size(), "rrn, deq-gnn and uniform, one seed");
    NodeList failures = xml.getElementsByTagName("failure");
    assertEquals(check.failures().size(), failures.getLength());
    boolean named = false;
    for (int i = 0; i < failures.getLength(); i++) {
      Element failure = (Element) failures.item(i);
      Element testcase = (Element) failure.getParentNode();
      named |= failure.getAttribute("message").equals(expected) && testcase.getAttribute("classname")
          .equals("sudoku-4x4.rrn") && testcase.getAttribute("name").equals(
              "puzzle_accuracy train b6 eval minimal at 32 iterations");
    }
    assertTrue(named, "the JUnit XML names the model, task, levels, metric, iterations, values and tolerance");
    assertEquals(String.valueOf(check.failures().size()),
        xml.getDocumentElement().getAttribute("failures"));

    String summary = CheckReport.markdown(check);
    assertTrue(summary.startsWith("## reckon check: FAILED"), summary);
    assertTrue(summary.contains(
        "| rrn | sudoku-4x4 | b6 | minimal | 32 | puzzle_accuracy | 0.55 | 0.25 | -0.3 | 0.05 |"), summary);
  }

  @Test
  void aMissingCellFailsWithTheReasonItFailed() throws Exception {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    Fixtures.rewriteResults(run, r -> r.get("model").equals("deq-gnn") ? null : r);
    Path cells = run.resolve("cells.csv");
    Files.writeString(cells, Files.readString(cells).replace("deq-gnn,sudoku-4x4,b6,1,done,,8",
        "deq-gnn,sudoku-4x4,b6,1,failed,NaN loss at update 40,8"));
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    assertFalse(check.passed());
    assertEquals(check.count(Verdict.MISSING), check.failures().size());
    assertTrue(check.failures().get(0).failure().orElseThrow().endsWith(
        "is missing from this run (the cell failed: NaN loss at update 40)"), () -> check.failures().toString());
    assertEquals(List.of("cell deq-gnn on sudoku-4x4 (train b6, seed 1) was done in the baseline and failed in this "
        + "run: NaN loss at update 40"), check.cellFailures().stream().map(c -> c.failure().orElseThrow()).toList());
    assertTrue(CheckReport.markdown(check).contains("\n- cell deq-gnn on sudoku-4x4 (train b6, seed 1) was done in "
        + "the baseline and failed in this run"), CheckReport.markdown(check));
  }

  /** A plugin's exception message may carry control bytes; the JUnit XML must stay readable. */
  @Test
  void aReasonWithControlBytesStillGivesWellFormedJUnitXml() throws Exception {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    Fixtures.rewriteResults(run, r -> r.get("model").equals("deq-gnn") ? null : r);
    Path cells = run.resolve("cells.csv");
    Files.writeString(cells, Files.readString(cells).replace("deq-gnn,sudoku-4x4,b6,1,done,,8",
        "deq-gnn,sudoku-4x4,b6,1,failed,\u001b[31mboom\u0001\u0007,8"));
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    Path junit = work.resolve("control/check.xml");

    CheckReport.writeJUnit(check, junit);

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    assertTrue(xml.getDocumentElement().getTextContent().contains("\ufffd[31mboom\ufffd\ufffd"),
        xml.getDocumentElement().getTextContent());
    assertEquals("tab\tkept \ufffd \ud83d\ude00", CheckReport.xmlText("tab\tkept \u0000 \ud83d\ude00"));
  }

  @Test
  void aCellTheRunLacksFailsWithALineSayingWhich() throws Exception {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    Fixtures.rewriteResults(run, r -> r.get("model").equals("uniform") ? null : r);
    Path cells = run.resolve("cells.csv");
    Files.writeString(cells, Files.readString(cells).lines().filter(line -> !line.startsWith("uniform,"))
        .map(line -> line + "\n").collect(java.util.stream.Collectors.joining()));
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    assertFalse(check.passed());
    assertEquals(List.of("cell uniform on sudoku-4x4 (train b6, seed 1) was done in the baseline and is missing from "
        + "this run: cells.csv has no line for it and results.csv no number"),
        check.cellFailures().stream().map(c -> c.failure().orElseThrow()).toList());
    assertEquals("missing", check.cellFailures().get(0).status());

    Path junit = work.resolve("check.xml");
    CheckReport.writeJUnit(check, junit);
    String xml = Files.readString(junit);
    assertTrue(xml.contains("<testcase classname=\"sudoku-4x4.uniform\" name=\"cell train b6 seed 1\"><failure "
        + "type=\"cell missing\""), xml);
  }

  @Test
  void aCellLostForOneSeedFailsAlthoughEveryNumberStillHasAValue() {
    // Two seeds in the baseline; the run lost seed 2 of the rrn: its numbers average seed 1 alone.
    Fixtures.RunBuilder both = new Fixtures.RunBuilder("baseline");
    Fixtures.RunBuilder one = new Fixtures.RunBuilder("run");
    for (long seed : new long[] {1, 2}) {
      both.seed(seed).accuracy("rrn", "b16", "b16", new int[] {1, 8}, 0.5, 0.9)
          .accuracy("propagation", "b16", "b16", new int[] {1, 8}, 0.6, 1.0);
      one.seed(seed).accuracy("propagation", "b16", "b16", new int[] {1, 8}, 0.6, 1.0);
      if (seed == 1) {
        one.accuracy("rrn", "b16", "b16", new int[] {1, 8}, 0.5, 0.9);
      }
    }
    RegressionCheck check = RegressionCheck.of(both.read(work.resolve("a")), one.read(work.resolve("b")),
        Tolerances.defaults());
    assertTrue(check.failures().isEmpty(), () -> check.failures().toString());
    assertFalse(check.passed());
    assertEquals(4, check.cells().size());
    assertEquals(List.of("cell rrn on sudoku-6x6 (train b16, seed 2) was done in the baseline and is missing from this "
        + "run: cells.csv has no line for it and results.csv no number"),
        check.cellFailures().stream().map(c -> c.failure().orElseThrow()).toList());
  }

  @Test
  void nanValuesInTheRunFailTheCheckNamingEachOne() throws Exception {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    Fixtures.rewriteResults(run, r -> {
      if (r.get("model").equals("rrn")) {
        r.put("value", "NaN");
      }
      return r;
    });
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    assertFalse(check.passed());
    assertEquals(54, check.failures().size(), "every rrn number: 3 levels x 6 iteration counts x 3 metrics");
    assertTrue(check.failures().stream().allMatch(f -> f.key().model().equals("rrn")
        && f.failureType().equals("non-finite")), () -> check.failures().toString());
    assertTrue(check.failures().stream().anyMatch(f -> f.failure().orElseThrow().startsWith(
        "rrn on sudoku-4x4 (train b6, eval minimal, 32 iterations): puzzle_accuracy is not a finite number in this "
            + "run (seed 1: NaN [0.452") && f.failure().orElseThrow().endsWith("; it was 0.55 [0.452, 0.644] in the "
            + "baseline")), () -> check.failures().toString());
    assertTrue(check.cellFailures().isEmpty(), "the cells are done; their numbers are not");

    Path junit = work.resolve("check.xml");
    CheckReport.writeJUnit(check, junit);
    assertTrue(Files.readString(junit).contains("<failure type=\"non-finite\""));
    String summary = CheckReport.markdown(check);
    assertTrue(summary.contains("54 failed (0 worse beyond tolerance, 0 missing, 54 not finite)"), summary);
    assertTrue(summary.contains("| rrn | sudoku-4x4 | b6 | minimal | 32 | puzzle_accuracy | 0.55 | NaN |"), summary);
  }

  @Test
  void anInfiniteNumberOnlyTheRunHasFailsToo() {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Fixtures.rewriteResults(baseline, r -> r.get("model").equals("deq-gnn") ? null : r);
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    Fixtures.rewriteResults(run, r -> {
      if (r.get("model").equals("deq-gnn") && r.get("iterations").equals("1") && r.get("eval_level").equals("b6")
          && r.get("metric").equals("cell_accuracy")) {
        r.put("ci_high", "Infinity");
      }
      return r;
    });
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    assertFalse(check.passed());
    assertEquals(1, check.failures().size());
    assertEquals(3 * 6 * 3 - 1, check.unchecked());
    assertTrue(check.failures().get(0).failure().orElseThrow().startsWith("deq-gnn on sudoku-4x4 (train b6, eval b6, "
        + "1 iteration): cell_accuracy is not a finite number in this run (seed 1: "), () -> check.failures().toString());
    assertTrue(CheckReport.markdown(check).contains("| deq-gnn | sudoku-4x4 | b6 | b6 | 1 | cell_accuracy | none |"));
  }

  @Test
  void aBaselineOfAnotherSuiteIsRefused() throws Exception {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    Path manifest = run.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"rrn-fixture\"", "\"quick\""));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults()));
    assertEquals("the baseline " + baseline + " is a run of suite 'rrn-fixture' and " + run + " a run of suite 'quick': "
        + "a run is checked against a baseline of its own suite", error.getMessage());

    Files.delete(baseline.resolve("manifest.json"));
    assertTrue(RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults()).passed(),
        "a baseline without a manifest names no suite");
  }

  @Test
  void aBaselineWithoutNumbersIsRefusedNamingTheFile() throws Exception {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    RunResults run = Fixtures.read(Fixtures.SUDOKU, work.resolve("run"));
    Path results = baseline.resolve("results.csv");
    String header = Files.readString(results).lines().findFirst().orElseThrow() + "\n";

    Files.writeString(results, "");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> RunResults.readBaseline(baseline));
    assertEquals("the baseline " + baseline + " holds no numbers: " + results + " is empty", error.getMessage());
    error = assertThrows(IllegalArgumentException.class,
        () -> RegressionCheck.of(RunResults.read(baseline), run, Tolerances.defaults()));
    assertEquals("the baseline " + baseline + " holds no numbers: its results.csv has no rows", error.getMessage());

    Files.writeString(results, header);
    error = assertThrows(IllegalArgumentException.class, () -> RunResults.readBaseline(baseline));
    assertEquals("the baseline " + baseline + " holds no numbers: " + results + " has a header and no rows",
        error.getMessage());

    Files.delete(results);
    error = assertThrows(IllegalArgumentException.class, () -> RunResults.readBaseline(baseline));
    assertEquals("the baseline " + baseline + " holds no numbers: it has no results.csv", error.getMessage());
  }

  @Test
  void aBaselineWithANonFiniteNumberIsRefusedNamingTheLineAndColumn() {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    AtomicInteger row = new AtomicInteger();
    Fixtures.rewriteResults(baseline, r -> {
      if (row.incrementAndGet() == 4) {
        r.put("ci_low", "NaN");
      }
      return r;
    });
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> RunResults.readBaseline(baseline));
    assertEquals(baseline.resolve("results.csv") + " line 5 column 'ci_low' (11): NaN is not a finite number, and "
        + "every number of a baseline must be (make the baseline from a run you trust)", error.getMessage());
    RunResults read = RunResults.read(baseline);
    error = assertThrows(IllegalArgumentException.class, () -> RegressionCheck.of(read, read, Tolerances.defaults()));
    assertTrue(error.getMessage().startsWith("the baseline " + baseline + " holds a number that is not finite: rrn on "
        + "sudoku-4x4 (train b6, eval b6, 2 iterations): puzzle_accuracy of seed 1 is "), error.getMessage());
  }

  @Test
  void directionsComeFromTheManifestSoARisingDivergenceFails() {
    Path baseline = Fixtures.copy(Fixtures.SET, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SET, work.resolve("run"));
    Fixtures.rewriteResults(run, r -> r.get("model").equals("contrastive-d512") && r.get("eval_level").equals("shatter")
        && r.get("metric").equals("kl_divergence") ? Fixtures.shift(r, 0.5, false) : r);
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    assertEquals(1, check.failures().size(), () -> check.failures().toString());
    assertTrue(check.failures().get(0).failure().orElseThrow().contains("kl_divergence got worse from 0.1"));
    assertEquals(Tolerances.OTHER, check.failures().get(0).tolerance(), "KL is in nats, not a fraction");

    RegressionCheck reversed = RegressionCheck.of(RunResults.read(run), RunResults.read(baseline),
        Tolerances.defaults());
    assertTrue(reversed.passed(), "a falling divergence is an improvement");
    assertEquals(1, reversed.count(Verdict.BETTER));
  }

  @Test
  void aBaselineOfResultsAloneIsEnough() throws Exception {
    Path baseline = Fixtures.copy(Fixtures.SET, work.resolve("baseline"));
    for (String file : List.of("manifest.json", "cells.csv", "training.csv")) {
      Files.delete(baseline.resolve(file));
    }
    Path run = Fixtures.copy(Fixtures.SET, work.resolve("run"));
    Fixtures.rewriteResults(run, r -> r.get("model").equals("cross-encoder") && r.get("metric").equals("kl_divergence")
        ? Fixtures.shift(r, 0.3, false) : r);
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.defaults());
    assertEquals("set-27", check.baseline().id(), "without a manifest the directory names the run");
    assertEquals(6, check.failures().size(), "the cross-encoder's KL on every game");
  }

  @Test
  void aToleranceSetForTheMetricLetsTheDropPass() {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run"));
    Fixtures.shiftModel(run, "rrn", "puzzle_accuracy", -0.3);
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run),
        Tolerances.parse(List.of("puzzle_accuracy=0.35")));
    assertTrue(check.passed(), () -> check.failures().toString());
  }

  @Test
  void numbersOnlyTheRunHasAreCountedNotChecked() {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("baseline"));
    Fixtures.rewriteResults(baseline, r -> r.get("model").equals("deq-gnn") ? null : r);
    RegressionCheck check = RegressionCheck.of(RunResults.read(baseline),
        Fixtures.read(Fixtures.SUDOKU, work.resolve("run")), Tolerances.defaults());
    assertTrue(check.passed());
    assertEquals(3 * 6 * 3, check.unchecked(), "deq-gnn: 3 levels x 6 iteration counts x 3 metrics");
    assertTrue(CheckReport.markdown(check).startsWith("## reckon check: passed"));
  }

  @Test
  void aDirectoryThatIsNoRunIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunResults.read(work));
    assertTrue(e.getMessage().endsWith("is not a run directory: it has neither results.csv nor manifest.json"));
  }

  private static boolean isRrnAccuracy(java.util.Map<String, String> row, String level, String iterations) {
    return row.get("model").equals("rrn") && row.get("metric").equals("puzzle_accuracy")
        && row.get("eval_level").equals(level) && row.get("iterations").equals(iterations);
  }
}
