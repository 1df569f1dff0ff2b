package dev.reckon.reports.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.format.Fixtures;
import dev.reckon.reports.format.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every number of the first run against the others: the change and whether it is outside the noise. */
class RunComparisonTest {
  @TempDir Path work;

  @Test
  void eachRunIsComparedWithTheFirst() {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("a"));
    Path better = Fixtures.copy(Fixtures.SUDOKU, work.resolve("b"));
    Fixtures.rewriteResults(better, r -> r.get("model").equals("deq-gnn") ? null
        : r.get("model").equals("rrn") && r.get("metric").equals("violation_rate") ? Fixtures.shift(r, -0.02, true)
        : r);
    Path changed = Fixtures.copy(Fixtures.SUDOKU, work.resolve("c"));
    Fixtures.rewriteResults(baseline, r -> r.get("model").equals("uniform") ? null : r);
    Fixtures.shiftModel(changed, "rrn", "cell_accuracy", 0.2);

    RunComparison comparison = RunComparison.of(List.of(RunResults.read(baseline), RunResults.read(better),
        RunResults.read(changed)));

    // vs b: deq-gnn's numbers are missing, uniform's new, rrn's (its violation rate moved by 0.02) within noise.
    assertEquals(Map.of(Verdict.MISSING, 54L, Verdict.NEW, 9L, Verdict.WITHIN_NOISE, 54L), comparison.counts(1));
    // vs c: rrn's cell accuracy rose by 0.2, beyond the noise, on 3 levels at 6 iteration counts.
    assertEquals(Map.of(Verdict.BETTER, 18L, Verdict.NEW, 9L, Verdict.WITHIN_NOISE, 90L), comparison.counts(2));
  }

  @Test
  void aLowerIsBetterMetricThatFallsIsBetter() {
    Path baseline = Fixtures.copy(Fixtures.SET, work.resolve("a"));
    Path run = Fixtures.copy(Fixtures.SET, work.resolve("b"));
    Fixtures.rewriteResults(run, r -> r.get("metric").equals("kl_divergence") && r.get("eval_level").equals("shatter")
        ? Fixtures.shift(r, -0.09, false) : r);
    RunComparison comparison = RunComparison.of(List.of(RunResults.read(baseline), RunResults.read(run)));
    // Every model's shatter KL fell by 0.09; contrastive-d4's (1.5 +- 0.05) still overlaps its old interval.
    assertEquals(Map.of(Verdict.BETTER, 7L, Verdict.WITHIN_NOISE, 6L * 8 * 5 - 7), comparison.counts(1));
    assertTrue(comparison.rows().stream().filter(row -> row.changes().get(0).verdict() == Verdict.BETTER)
        .allMatch(row -> row.changes().get(0).worsening() < 0));
  }

  @Test
  void thePrimaryBoardKeepsTheLeaderboardsNumbers() {
    RunResults run = Fixtures.read(Fixtures.SET, work);
    Board board = RunComparison.of(List.of(run, run)).toBoard(true);
    String id = run.id();
    assertEquals(List.of("model", "task", "train_level", "eval_level", "iterations", "metric", id, id + " ci_low",
        id + " ci_high", id, id + " ci_low", id + " ci_high", id + " change", id + " verdict"), board.header());
    assertEquals(6 * 8, board.rows().size(), "KL divergence of 8 models on 6 games");
  }
}
