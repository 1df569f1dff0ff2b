package dev.reckon.reports.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.check.PairedComparison.Row;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.stats.McNemar;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairing by seed on hand-made outcomes: where it decides, where it refuses, how seeds combine. */
class PairedComparisonTest {
  private static final String TASK = "sudoku-6x6";
  private static final String METRIC = "puzzle_accuracy";
  private static final Key KEY = new Key("rrn", TASK, "b16", "b20", 8, METRIC);
  private static final String SHA = "a".repeat(64);

  @TempDir Path work;

  /** The first {@code count} of the examples, and the {@code extra} ones after {@code from}. */
  private static BitSet counted(int count, int from, int extra) {
    BitSet bits = new BitSet();
    bits.set(0, count);
    bits.set(from, from + extra);
    return bits;
  }

  private static RunBuilder run(String id, BitSet counted, String sha) {
    return new RunBuilder(id).examples(500).outcomes("rrn", TASK, "b16", "b20", 8, METRIC, counted)
        .evalData("rrn", TASK, "b16", "b20", sha);
  }

  @Test
  void thePairedTestDecidesWhereTheUnpairedIntervalsOverlap() {
    // rrn 6x6 b20: 0.95 -> 0.978 on the same 500 puzzles, B solving 14 more and losing none
    RunResults a = run("a", counted(475, 0, 0), SHA).read(work);
    RunResults b = run("b", counted(475, 475, 14), SHA).read(work);
    assertEquals(Verdict.WITHIN_NOISE, RunComparison.of(List.of(a, b)).rows().get(0).changes().get(0).verdict(),
        "the two Wilson intervals overlap");
    Row row = PairedComparison.of(a, b).row(KEY).orElseThrow();
    assertTrue(row.paired(), row.basis());
    assertEquals(0.028, row.difference(), 1e-12);
    assertEquals(McNemar.pValue(0, 14), row.pValue(), 1e-15);
    assertTrue(row.low() > 0, "the paired interval excludes no change: " + row.low());
    assertEquals(Verdict.BETTER, row.verdict());
    assertEquals("paired: 1 seed, 500 examples, 0 A only, 14 B only", row.basis());
  }

  @Test
  void discordantExamplesBothWaysStayWithinTheNoise() {
    // 0.95 -> 0.96, B losing 15 puzzles A solved and solving 20 A did not
    RunResults a = run("a", counted(475, 0, 0), SHA).read(work);
    RunResults b = run("b", counted(460, 475, 20), SHA).read(work);
    Row row = PairedComparison.of(a, b).row(KEY).orElseThrow();
    assertEquals(0.01, row.difference(), 1e-12);
    assertEquals(Verdict.WITHIN_NOISE, row.verdict(), row.low() + " .. " + row.high());
  }

  @Test
  void evaluationSetsThatDifferAreNotPairedAndTheRowSaysSo() {
    RunResults a = run("a", counted(475, 0, 0), SHA).read(work);
    RunResults b = run("b", counted(475, 475, 14), "b".repeat(64)).read(work);
    Row row = PairedComparison.of(a, b).row(KEY).orElseThrow();
    assertFalse(row.paired());
    assertEquals("unpaired: the evaluation sets of seed 1 differ (sha256 aaaaaaaaaaaa... in A, bbbbbbbbbbbb... in B)",
        row.basis());
    assertTrue(Double.isNaN(row.pValue()));
    // Newcombe's interval of the difference of the two Wilson intervals, far wider than the paired one
    assertEquals(0.0047, row.low(), 5e-4);
    assertEquals(0.0527, row.high(), 5e-4);
  }

  @Test
  void runsWithoutOutcomesFallBackToTheirIntervals() {
    RunResults a = new RunBuilder("a").examples(500).proportions("rrn", TASK, "b16", "b20", METRIC, new int[] {8}, 0.5)
        .read(work);
    RunResults b = run("b", counted(400, 0, 0), SHA).read(work);
    Row row = PairedComparison.of(a, b).row(KEY).orElseThrow();
    assertEquals("unpaired: no outcomes in A", row.basis());
    assertEquals(0.3, row.difference(), 1e-12);
    // Newcombe's interval from the two Wilson intervals
    assertTrue(row.low() > 0.24 && row.high() < 0.36, row.low() + " .. " + row.high());
    assertEquals(Verdict.BETTER, row.verdict());
  }

  @Test
  void seedsPairWithTheirOwnSeedAndCombineByAddingTheirCounts() {
    RunBuilder first = run("a", counted(475, 0, 0), SHA).seed(2).outcomes("rrn", TASK, "b16", "b20", 8, METRIC,
        counted(480, 0, 0)).evalData("rrn", TASK, "b16", "b20", "c".repeat(64));
    RunBuilder second = run("b", counted(470, 0, 0), SHA).seed(2).outcomes("rrn", TASK, "b16", "b20", 8, METRIC,
        counted(480, 480, 3)).evalData("rrn", TASK, "b16", "b20", "c".repeat(64));
    Row row = PairedComparison.of(first.read(work), second.read(work)).row(KEY).orElseThrow();
    // seed 1: 5 only in A; seed 2: 3 only in B
    assertEquals(List.of(1L, 2L), row.pairedSeeds());
    assertEquals("paired: 2 seeds, 1000 examples, 5 A only, 3 B only", row.basis());
    assertEquals(-0.002, row.difference(), 1e-12);
    assertEquals(McNemar.pValue(5, 3), row.pValue(), 1e-15);
  }

  @Test
  void theCheckFailsAPairedDropOnlyWhenItsWholeIntervalIsBeyondTheTolerance() {
    RunResults baseline = run("baseline", counted(475, 0, 0), SHA).read(work);
    // 0.95 -> 0.87: 60 lost, 20 gained; the paired interval [-0.114, -0.046] reaches inside 0.05
    RunResults mixed = run("mixed", counted(415, 475, 20), SHA).read(work);
    RegressionCheck lenient = RegressionCheck.of(baseline, mixed, Tolerances.defaults());
    assertTrue(lenient.passed(), () -> lenient.failures().toString());
    assertEquals(Verdict.WORSE, lenient.checked().get(0).change().verdict(),
        "unpaired, the intervals do not overlap and the drop exceeds the tolerance: the old rule would fail it");
    RegressionCheck strict = RegressionCheck.of(baseline, mixed, Tolerances.parse(List.of("puzzle_accuracy=0.04")));
    assertFalse(strict.passed());
    assertTrue(strict.failures().get(0).failure().orElseThrow().contains("the paired difference -0.08 [-0.114, "
        + "-0.046] (paired: 1 seed, 500 examples, 60 A only, 20 B only"), strict.failures().toString());
    // 0.95 -> 0.85, every loss one-sided: [-0.126, -0.074] lies wholly beyond 0.05
    RunResults dropped = run("dropped", counted(425, 0, 0), SHA).read(work);
    assertFalse(RegressionCheck.of(baseline, dropped, Tolerances.defaults()).passed());
  }
}
