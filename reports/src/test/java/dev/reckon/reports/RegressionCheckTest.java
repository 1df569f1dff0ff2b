package dev.reckon.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.RunComparison.Verdict;
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
    assertEquals(Measurement.of(run.results()).size(), check.checked().size(), "every number is checked");
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
    assertEquals(check.checked().size(), xml.getElementsByTagName("testcase").getLength());
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
