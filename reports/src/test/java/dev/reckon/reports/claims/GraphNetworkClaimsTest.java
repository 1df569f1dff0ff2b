package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.assertStatus;
import static dev.reckon.reports.claims.Verdicts.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph networks' claims on sudoku. */
class GraphNetworkClaimsTest {
  @TempDir Path work;

  @Test
  void theSudokuRunReproducesEveryGraphNetworkClaimItMeasures() {
    Map<String, ClaimVerdict> verdicts = judge(new SudokuRun().builder(), work);
    assertStatus(verdicts, ClaimStatus.REPRODUCED, "rrn-more-iterations", "rrn-generalises", "deq-trains-faster",
        "deq-more-accurate", "deq-less-memory", "learned-adjacency-below-rrn", "oracle-perfect",
        "propagation-complete");
    assertStatus(verdicts, ClaimStatus.NOT_MEASURED, "set-game-easy", "shatter-needs-dimension",
        "union-81-improves-with-dimension", "entropy-rises-as-d-falls", "deq-collapses");
    assertStatus(verdicts, ClaimStatus.CHECKED_BY_TESTS, "shared-attribute-rank");
    assertEquals("rrn on sudoku-6x6 minimal, puzzle_accuracy at T = 8: 0.55 [0.506, 0.593], 2T = 16: 0.62 "
        + "[0.577, 0.661], 4T = 32: 0.7 [0.658, 0.739]; rises outside the noise (by the intervals, unpaired: "
        + "neither has outcomes)",
        verdicts.get("rrn-more-iterations").evidence().get(1));
    assertTrue(verdicts.get("deq-more-accurate").evidence().contains("deq-gnn 0.8 [0.763, 0.833] vs rrn 0.7 [0.658, "
        + "0.739] on sudoku-6x6 minimal (puzzle_accuracy, both at 32 iterations (deq-gnn 2T, rrn 4T)): better outside "
        + "the noise (by the intervals, unpaired: neither has outcomes)"),
        verdicts.get("deq-more-accurate").evidence()::toString);
  }

  // rrn-more-iterations: more_iterations, rising on every harder level, never falling on the training level

  @Test
  void aGainWithinTheNoiseDoesNotReproduceMoreIterations() {
    SudokuRun run = new SudokuRun();
    run.rrn.put("minimal", new double[] {0, 0, 0.05, 0.45, 0.451, 0.452}); // one puzzle in 500
    ClaimVerdict verdict = judge(run.builder(), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).startsWith("rrn on sudoku-6x6 minimal") && verdict.evidence().get(0)
        .endsWith("; the last count is not better than the first outside the noise (by the intervals, unpaired: "
            + "neither has outcomes)"),
        verdict.evidence()::toString);
  }

  @Test
  void aStepDownOutsideTheNoiseDoesNotReproduceMoreIterations() {
    SudokuRun run = new SudokuRun();
    run.rrn.put("minimal", new double[] {0, 0, 0.05, 0.4, 0.8, 0.6}); // 4T above T, but 2T -> 4T falls
    ClaimVerdict verdict = judge(run.builder(), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).endsWith("; falls outside the noise from 16 to 32 iterations (by the "
        + "intervals, unpaired: neither has outcomes)"),
        verdict.evidence()::toString);
  }

  @Test
  void aFallOnTheTrainingLevelDoesNotReproduceMoreIterations() {
    SudokuRun run = new SudokuRun();
    run.rrn.put("b16", new double[] {0, 0.01, 0.9, 0.998, 0.95, 0.9});
    ClaimVerdict verdict = judge(run.builder(), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).startsWith("rrn on sudoku-6x6 b16, puzzle_accuracy at T = 8: 0.998")
        && verdict.evidence().get(0).endsWith("falls outside the noise from 8 to 16, 8 to 32, 16 to 32 iterations "
            + "(by the intervals, unpaired: neither has outcomes)"),
        verdict.evidence()::toString);
  }

  @Test
  void anRrnThatSolvesNoHarderPuzzleLeavesMoreIterationsNotMeasuredAtChance() {
    SudokuRun run = new SudokuRun();
    run.rrn.put("b20", new double[] {0, 0, 0, 0, 0.002, 0.002});
    run.rrn.put("minimal", new double[] {0, 0, 0, 0, 0, 0});
    ClaimVerdict verdict = judge(run.builder(), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status());
    assertEquals("not measured: models at chance", verdict.label());
    assertTrue(verdict.evidence().contains("sudoku-6x6 minimal: puzzle_accuracy 0, none better than "
        + "uniform's 0 [0, 0.008] (by the intervals, unpaired: neither has outcomes), at every count"),
        verdict.evidence()::toString);

    run.rrn.put("b20", new double[] {0, 0, 0.5, 0.8, 0.9, 0.95}); // b20 decides; minimal, at chance, does not
    ClaimVerdict partly = judge(run.builder(), work).get("rrn-more-iterations");
    assertEquals("reproduced (1 seed)", partly.label());
    assertTrue(partly.evidence().contains("not counted, models at chance: sudoku-6x6 minimal: puzzle_accuracy 0, "
        + "none better than uniform's 0 [0, 0.008] (by the intervals, unpaired: neither has outcomes), at every "
        + "count"), partly.evidence()::toString);
  }

  @Test
  void severalSeedsJudgeMoreIterationsOnTheSpreadOverSeeds() {
    RunBuilder consistent = new SudokuRun().builder();
    RunBuilder scattered = new SudokuRun().builder();
    for (long seed : new long[] {2, 3}) {
      consistent.seed(seed).accuracy("rrn", "b16", "minimal", new int[] {8, 16, 32}, 0.56, 0.63, 0.71)
          .accuracy("rrn", "b16", "b20", new int[] {8, 16, 32}, 0.81, 0.9, 0.95)
          .accuracy("rrn", "b16", "b16", new int[] {8, 16, 32}, 0.998, 1, 1);
      // the mean at 4T is still above T, but one seed gained nothing: over seeds, within the noise
      scattered.seed(seed).accuracy("rrn", "b16", "minimal", new int[] {8, 16, 32}, 0.55, 0.62,
          seed == 2 ? 0.95 : 0.45).accuracy("rrn", "b16", "b20", new int[] {8, 16, 32}, 0.81, 0.9, 0.95)
          .accuracy("rrn", "b16", "b16", new int[] {8, 16, 32}, 0.998, 1, 1);
    }
    assertEquals("reproduced in 3 of 3 seeds", judge(consistent, work).get("rrn-more-iterations").label());
    ClaimVerdict verdict = judge(scattered.examples(500), work).get("rrn-more-iterations");
    // seeds 1 and 2 reproduce it alone, seed 3 falls from 2T to 4T: a split, never reproduced
    assertEquals(ClaimStatus.SPLIT, verdict.status(), verdict::toString);
    assertEquals("split: 2 of 3 seeds reproduce; pooled, not reproduced", verdict.label());
    assertEquals(List.of("seed 1: reproduced", "seed 2: reproduced", "seed 3: not reproduced: rrn on sudoku-6x6 "
        + "minimal, puzzle_accuracy at T = 8: 0.55 [0.506, 0.593], 2T = 16: 0.62 [0.577, 0.661], 4T = 32: 0.45 "
        + "[0.407, 0.494]; falls outside the noise from 8 to 32, 16 to 32 iterations (by the intervals, "
        + "unpaired: neither has outcomes); the last count is not better than the first outside the noise (by the "
        + "intervals, unpaired: neither has outcomes)"), verdict.evidence().subList(0, 3));
  }

  @Test
  void aLevelAtTheCeilingAtEveryCountDecidesNothing() {
    SudokuRun run = new SudokuRun();
    run.rrn.put("b20", new double[] {0, 0, 0.5, 1, 1, 1}); // every puzzle at T, 2T and 4T: no room to rise
    ClaimVerdict verdict = judge(run.builder(), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.REPRODUCED, verdict.status(), verdict::toString);
    assertTrue(verdict.evidence().contains("not counted, at the ceiling: sudoku-6x6 b20: puzzle_accuracy 1, every "
        + "one within the noise of a perfect 1"), verdict.evidence()::toString);

    run.rrn.put("minimal", new double[] {0, 0, 0.05, 1, 1, 1});
    ClaimVerdict none = judge(run.builder(), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.NOT_MEASURED, none.status(), none::toString);
    assertEquals("not measured: at the ceiling", none.label());
  }

  @Test
  void aLevelOnePuzzleShortOfTheCeilingStillDecides() {
    SudokuRun run = new SudokuRun();
    run.rrn.put("b20", new double[] {0, 0, 0.5, 0.998, 1, 1}); // 0.998's interval stops short of 1
    ClaimVerdict verdict = judge(run.builder(), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status(), verdict::toString);
    assertTrue(verdict.evidence().get(0).startsWith("rrn on sudoku-6x6 b20"), verdict.evidence()::toString);
  }

  // rrn-generalises: share_kept at T and above_model against uniform at T

  @Test
  void extraIterationsDoNotCountAsGeneralisation() {
    SudokuRun run = new SudokuRun();
    run.rrn.put("minimal", new double[] {0, 0, 0.05, 0.3, 0.6, 0.7}); // 0.7 at 4T, only 0.3 at T
    ClaimVerdict verdict = judge(run.builder(), work).get("rrn-generalises");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("rrn on sudoku-6x6 minimal at T = 8: puzzle_accuracy 0.3 [0.261, 0.342] against 0.998 [0.989, "
        + "1] on its training level b16, a share of 0.301 (needs >= 0.5)", verdict.evidence().get(0));
  }

  @Test
  void anRrnWithinTheNoiseOfUniformDoesNotGeneralise() {
    SudokuRun run = new SudokuRun();
    run.rrn.put("b16", new double[] {0, 0, 0, 0.006, 0.006, 0.006});
    run.rrn.put("b20", new double[] {0, 0, 0, 0.004, 0.004, 0.004}); // keeps 2/3 of almost nothing
    run.rrn.put("minimal", new double[] {0, 0, 0, 0.004, 0.004, 0.004});
    ClaimVerdict verdict = judge(run.builder(), work).get("rrn-generalises");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().stream().anyMatch(line -> line.startsWith("rrn 0.004 [0.001, 0.014] vs uniform 0 "
        + "[0, 0.008] on sudoku-6x6 b20") && line.endsWith("within the noise (by the intervals, unpaired: "
        + "neither has outcomes)")),
        verdict.evidence()::toString);
  }

  // deq-more-accurate: above_model at the common count, nowhere worse and somewhere better

  @Test
  void aDeqWithinTheNoiseEverywhereIsNotMoreAccurate() {
    SudokuRun run = new SudokuRun();
    run.examples = 100; // with 100 puzzles a level, 0.05 worse is within the noise
    run.deq.put("b20", new double[] {0, 0, 0.1, 0.7, 0.9, 0.9, 0.9});
    run.deq.put("minimal", new double[] {0, 0, 0, 0.2, 0.6, 0.65, 0.65});
    ClaimVerdict verdict = judge(run.builder(), work).get("deq-more-accurate");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("deq-gnn is better than rrn outside the noise on none of the levels", verdict.evidence().get(0));
  }

  @Test
  void aDeqTrainedForMoreUpdatesThanTheRrnIsNotComparedWithIt() {
    // the SudokuRun's curves end at update 200 for both; here the DEQ trains on to update 250
    RunBuilder longer = new SudokuRun().builder().curve("deq-gnn", "sudoku-6x6", "b16", "train_loss", 50, 1.0, 1.2,
        0.9, 0.7, 0.6, 0.5, 0.45);
    ClaimVerdict verdict = judge(longer, work).get("deq-more-accurate");
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status(), verdict::toString);
    assertEquals("not measured: trained unequal updates", verdict.label());
    assertTrue(verdict.evidence().contains("sudoku-6x6 b20: deq-gnn trained 250 updates, rrn 200"),
        verdict.evidence()::toString);
  }

  @Test
  void aDeqBetterOnlyWithMoreIterationsIsNotMoreAccurate() {
    SudokuRun run = new SudokuRun();
    run.deq.put("minimal", new double[] {0, 0, 0, 0.2, 0.5, 0.6, 0.9}); // 0.9 at 64, 0.6 at the common 32
    ClaimVerdict verdict = judge(run.builder(), work).get("deq-more-accurate");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("deq-gnn 0.6 [0.556, 0.642] vs rrn 0.7 [0.658, 0.739] on sudoku-6x6 minimal (puzzle_accuracy, "
        + "both at 32 iterations (deq-gnn 2T, rrn 4T)): worse outside the noise (by the intervals, unpaired: "
        + "neither has outcomes)", verdict.evidence().get(0));
  }

  // learned-adjacency-below-rrn: above uniform, below the rrn at each one's best, slower to 0.5

  @Test
  void aLearnedGraphAsGoodAsTheRealOneOnALevelContradictsIt() {
    SudokuRun run = new SudokuRun();
    run.learned.put("minimal", new double[] {0, 0, 0, 0.3, 0.6, 0.68});
    ClaimVerdict verdict = judge(run.builder(), work).get("learned-adjacency-below-rrn");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("rrn 0.7 [0.658, 0.739] vs learned-adjacency 0.68 [0.638, 0.719] on sudoku-6x6 minimal "
        + "(puzzle_accuracy, both at 32 iterations (rrn 4T, learned-adjacency 4T)): within the noise (by the "
        + "intervals, unpaired: neither has outcomes)", verdict.evidence().get(0));
  }

  @Test
  void aLearnedGraphThatLearnsNothingContradictsIt() {
    SudokuRun run = new SudokuRun();
    run.learned.replaceAll((level, values) -> new double[] {0, 0, 0, 0, 0, 0});
    ClaimVerdict verdict = judge(run.builder(), work).get("learned-adjacency-below-rrn");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).startsWith("learned-adjacency 0 [0, 0.008] vs uniform 0 [0, 0.008] on "
        + "sudoku-6x6 b16"), verdict.evidence()::toString);
  }

  @Test
  void aLearnedGraphThatTrainsFasterContradictsIt() {
    SudokuRun run = new SudokuRun();
    run.learnedCurve = new double[] {0, 0.6, 0.7};
    run.learnedSeconds = 1.0;
    ClaimVerdict verdict = judge(run.builder(), work).get("learned-adjacency-below-rrn");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).contains("reached 0.5: rrn after 50 updates, learned-adjacency after 25 "
        + "updates"),
        verdict.evidence()::toString);
  }

  // deq-trains-faster: updates_to_target; deq-less-memory: lower_training_peak

  /** An rrn on sudoku-6x6 b16 with its training-batch accuracy every 25 updates, {@code seconds} apart. */
  private static RunBuilder race(double seconds, double... rrnCurve) {
    return new RunBuilder("race").trainedWith("rrn", 8)
        .curve("rrn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25, seconds, rrnCurve)
        .accuracy("rrn", "b16", "b16", new int[] {8}, 0.9);
  }

  @Test
  void aSlowerDeqAndAHungrierDeqContradictSpeedAndMemory() {
    RunBuilder run = new SudokuRun().builder().curve("deq-gnn", "sudoku-6x6", "b16", "update_memory_mb", 200, 6, 80);
    Map<String, ClaimVerdict> verdicts = judge(run, work);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdicts.get("deq-less-memory").status());
    assertEquals(List.of("sudoku-6x6 b16 seed 1: largest update_memory_mb deq-gnn 80, rrn 41.5 (ratio 1.928)"),
        verdicts.get("deq-less-memory").evidence());
    RunBuilder slow = race(1.0, 0, 0.5, 0.95).curve("deq-gnn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25,
        1.0, 0, 0.5, 0.8, 0.95);
    assertEquals(List.of("sudoku-6x6 b16 seed 1: train_puzzle_accuracy reached 0.9: deq-gnn after 75 updates, rrn "
        + "after 50 updates"),
        judge(slow, work).get("deq-trains-faster").evidence());
    assertEquals(ClaimStatus.NOT_REPRODUCED, judge(slow, work).get("deq-trains-faster").status());
  }

  @Test
  void aDeqAheadOnTheWallClockButBehindInUpdatesDoesNotTrainFaster() {
    // half a second an update for the DEQ, a second for the rrn: sooner in seconds, later in updates
    RunBuilder run = race(1.0, 0, 0.5, 0.95).curve("deq-gnn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25,
        0.5, 0, 0.5, 0.8, 0.95);
    ClaimVerdict verdict = judge(run, work).get("deq-trains-faster");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status(), verdict::toString);
    assertEquals(List.of("sudoku-6x6 b16 seed 1: train_puzzle_accuracy reached 0.9: deq-gnn after 75 updates, rrn "
        + "after 50 updates"), verdict.evidence());
  }

  @Test
  void anRrnThatStoppedBeforeTheDeqGotThereDecidesNothing() {
    RunBuilder run = race(1.0, 0, 0.5, 0.8).curve("deq-gnn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25, 1.0,
        0, 0.5, 0.8, 0.95);
    ClaimVerdict verdict = judge(run, work).get("deq-trains-faster");
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status(), verdict::toString);
    assertEquals("not measured: trained too short to tell", verdict.label());
    assertEquals(List.of("sudoku-6x6 b16 seed 1: train_puzzle_accuracy reached 0.9: deq-gnn after 75 updates, rrn "
        + "never in 50 updates"), verdict.evidence());
  }

  // deq-collapses: collapses read from the curve

  private RunBuilder longDeq(double... curve) {
    return new RunBuilder("stress").curve("deq-gnn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 500, 100, curve)
        .accuracy("deq-gnn", "b16", "b16", new int[] {16}, 0.0);
  }

  @Test
  void aDeqWhoseAccuracyFallsToZeroAndStaysThereCollapses() {
    ClaimVerdict verdict = judge(longDeq(0, 0.5, 0.8, 0.9, 0.92, 0.93, 0.93, 0.92, 0, 0, 0.01, 0, 0)
        .collapse("deq-gnn", "sudoku-6x6", "b16", 4000, "train_puzzle_accuracy fell from 0.93 to 0"), work).get(
            "deq-collapses");
    assertEquals(ClaimStatus.REPRODUCED, verdict.status());
    assertEquals(List.of("deq-gnn on sudoku-6x6 b16 seed 1, 6000 updates: train_puzzle_accuracy peaked at 0.93, "
        + "fell to 0 at update 4000 and stayed at most 0.05 for its last 5 points (the harness saw a collapse at "
        + "update 4000: train_puzzle_accuracy fell from 0.93 to 0)"), verdict.evidence());
  }

  @Test
  void aFallToHalfItsBestIsNoCollapseToZero() {
    // the harness's detector fires (below half the best and by 0.2), but the accuracy is far from zero
    ClaimVerdict verdict = judge(longDeq(0, 0.5, 0.8, 0.9, 0.92, 0.93, 0.93, 0.92, 0.4, 0.38, 0.41, 0.4, 0.39)
        .collapse("deq-gnn", "sudoku-6x6", "b16", 4000, "train_puzzle_accuracy fell from 0.93 to 0.4"), work).get(
            "deq-collapses");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).contains("peaked at 0.93, ends at 0.39"), verdict.evidence()::toString);
  }

  @Test
  void aCollapseThatRecoversOrComesLastDoesNotStay() {
    assertEquals(ClaimStatus.NOT_REPRODUCED, judge(longDeq(0, 0.5, 0.8, 0.9, 0.93, 0, 0, 0.5, 0.9, 0.92, 0.93, 0.93,
        0.94), work).get("deq-collapses").status());
    ClaimVerdict last = judge(longDeq(0, 0.5, 0.8, 0.9, 0.93, 0.93, 0.93, 0.93, 0.93, 0.93, 0.93, 0.93, 0), work)
        .get("deq-collapses");
    assertEquals(ClaimStatus.NOT_REPRODUCED, last.status());
    assertTrue(last.evidence().get(0).contains("at most 0.05 only for its last 1 points"), last.evidence()::toString);
  }

  @Test
  void shortCellsLeaveTheCollapseNotMeasured() {
    ClaimVerdict verdict = judge(longDeq(0, 0.9, 0, 0, 0), work).get("deq-collapses");
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status());
    assertEquals(List.of("no results for deq-gnn on sudoku-* trained at least 5000 updates"), verdict.evidence());
  }
}
