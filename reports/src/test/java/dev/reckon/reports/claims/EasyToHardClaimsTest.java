package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.assertStatus;
import static dev.reckon.reports.claims.Verdicts.byId;
import static dev.reckon.reports.claims.Verdicts.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claims of the easy-to-hard papers on the grid tasks, and the sanity checks there. */
class EasyToHardClaimsTest {
  @TempDir Path work;

/**
 * A run of the grid tasks as Bansal et al. (2022) ran theirs: the DT-Net with recall and the
 * progressive loss and the plain one, both T = 30, trained on maze s9 and prefix-sums n16 and
 * evaluated up to 1000 iterations on harder levels; uniform, the oracle and the classical references
 * (maze-frontier, parity-ripple) beside them. The one with recall reaches its best late and keeps it;
 * the plain one peaks and falls, and never leaves chance on the hardest level.
 */
private static final class Grids {
  static final int[] COUNTS = {10, 30, 100, 300, 1000};
  static final int[] REFERENCE = {8, 64, 512, 4096};
  /** The rrn on mazes: T = 16 steps, read out at T, 2T and 4T. */
  static final int[] RRN_MAZE_COUNTS = {16, 32, 64};
  static final Map<String, String> TRAINING = Map.of("maze", "s9", "prefix-sums", "n16");
  static final List<String> LEVELS = List.of("maze/s9", "maze/s13", "maze/s33", "maze/s59", "prefix-sums/n16",
      "prefix-sums/n32", "prefix-sums/n128", "prefix-sums/n512");
  /** Per level of {@link #LEVELS}, the primary metric of dt-net-recall-progressive at {@link #COUNTS}. */
  final Map<String, double[]> recall = new LinkedHashMap<>(Map.of(
      "maze/s9", new double[] {0.95, 1, 1, 1, 1},
      "maze/s13", new double[] {0.6, 0.9, 0.99, 0.99, 0.99},
      "maze/s33", new double[] {0, 0.3, 0.8, 0.93, 0.93},
      "maze/s59", new double[] {0, 0, 0.2, 0.7, 0.72},
      "prefix-sums/n16", new double[] {0.9, 1, 1, 1, 1},
      "prefix-sums/n32", new double[] {0.2, 0.8, 1, 1, 1},
      "prefix-sums/n128", new double[] {0, 0.1, 0.9, 0.98, 0.98},
      "prefix-sums/n512", new double[] {0, 0, 0.3, 0.9, 0.95}));
  /** The same of dt-net-plain. */
  final Map<String, double[]> plain = new LinkedHashMap<>(Map.of(
      "maze/s9", new double[] {0.95, 1, 0.9, 0.6, 0.2},
      "maze/s13", new double[] {0.5, 0.85, 0.6, 0.2, 0.02},
      "maze/s33", new double[] {0, 0.2, 0.35, 0.1, 0},
      "maze/s59", new double[5],
      "prefix-sums/n16", new double[] {0.9, 1, 0.95, 0.5, 0.1},
      "prefix-sums/n32", new double[] {0.2, 0.7, 0.4, 0.1, 0},
      "prefix-sums/n128", new double[] {0, 0.05, 0.2, 0.02, 0},
      "prefix-sums/n512", new double[5]));
  /** The rrn's path accuracy on the mazes at T, 2T, 4T ({@link #RRN_MAZE_COUNTS}). */
  final Map<String, double[]> rrn = new LinkedHashMap<>(Map.of(
      "maze/s9", new double[] {0.16, 0.32, 0.77},
      "maze/s13", new double[] {0.02, 0.08, 0.21},
      "maze/s33", new double[] {0, 0, 0.01},
      "maze/s59", new double[3]));
  /** The classical references' accuracy at {@link #REFERENCE}, the same on every level. */
  double[] reference = {0.1, 0.5, 0.9, 1};
  double oracle = 1;
  int examples = 500;

  RunBuilder builder() {
    RunBuilder run = new RunBuilder("grid-claims").examples(examples).trainedWith("dt-net-recall-progressive", 30)
        .trainedWith("dt-net-plain", 30).trainedWith("rrn", RRN_MAZE_COUNTS[0]);
    rrn.forEach((level, values) -> add(run, "rrn", level, RRN_MAZE_COUNTS, values));
    recall.forEach((level, values) -> add(run, "dt-net-recall-progressive", level, COUNTS, values));
    plain.forEach((level, values) -> add(run, "dt-net-plain", level, COUNTS, values));
    for (String level : LEVELS) {
      add(run, "uniform", level, new int[] {1}, 0);
      add(run, "oracle", level, new int[] {1}, oracle);
      add(run, level.startsWith("maze/") ? "maze-frontier" : "parity-ripple", level, REFERENCE, reference);
    }
    return run;
  }

  /** A model's primary metric on {@code level} ({@code task/level}), trained on the task's training level. */
  private static void add(RunBuilder run, String model, String level, int[] counts, double... values) {
    String task = level.substring(0, level.indexOf('/'));
    run.proportions(model, task, TRAINING.get(task), level.substring(level.indexOf('/') + 1),
        RunBuilder.GRID_TASKS.get(task).get(0), counts, values);
  }
}

  private static final String KEEPS_MAZES = "dt-net-recall-keeps-accuracy-on-mazes";
  private static final String KEEPS_SUMS = "dt-net-recall-keeps-accuracy-on-prefix-sums";
  private static final String OVERTHINKS_MAZES = "dt-net-plain-overthinks-on-mazes";
  private static final String OVERTHINKS_SUMS = "dt-net-plain-overthinks-on-prefix-sums";
  private static final String LONGER = "dt-net-thinks-longer-on-larger-mazes";
  private static final String BEATS_MAZES = "dt-net-recall-beats-plain-when-run-long-on-mazes";
  private static final String BEATS_SUMS = "dt-net-recall-beats-plain-when-run-long-on-prefix-sums";
  private static final List<String> DT_NET_CLAIMS = List.of(KEEPS_MAZES, KEEPS_SUMS, OVERTHINKS_MAZES,
      OVERTHINKS_SUMS, LONGER, BEATS_MAZES, BEATS_SUMS);
  private static final String RRN_LONGER = "recurrence-solves-larger-mazes-by-thinking-longer";

  @Test
  void theGridRunReproducesEveryClaimOfThePapers() {
    Map<String, ClaimVerdict> verdicts = judge(new Grids().builder(), work);
    assertStatus(verdicts, ClaimStatus.REPRODUCED, KEEPS_MAZES, KEEPS_SUMS, OVERTHINKS_MAZES, OVERTHINKS_SUMS, LONGER,
        BEATS_MAZES, BEATS_SUMS, "oracle-perfect", "classical-references-complete");
    assertEquals("dt-net-recall-progressive on maze s13, path_accuracy best at 100: 0.99 [0.977, 0.996], at its "
        + "largest count 1000: 0.99 [0.977, 0.996]; no drop beyond the noise (needs a drop beyond the noise <= 0.05; "
        + "by the intervals, unpaired: neither has outcomes)", verdicts.get(KEEPS_MAZES).evidence().get(0));
    assertTrue(verdicts.get(OVERTHINKS_SUMS).evidence().contains("dt-net-plain on prefix-sums n32, string_accuracy best "
        + "at T = 30: 0.7 [0.658, 0.739], at its largest count 1000: 0 [0, 0.008]; drops 0.658 beyond the noise "
        + "(needs a drop beyond the noise >= 0.1; by the intervals, unpaired: neither has outcomes)"),
        verdicts.get(OVERTHINKS_SUMS).evidence()::toString);
    assertTrue(verdicts.get(OVERTHINKS_SUMS).evidence().contains("not counted, best too low to judge: dt-net-plain on "
        + "prefix-sums n128: string_accuracy best 0.2 [0.167, 0.237] at 100, below 0.5"),
        verdicts.get(OVERTHINKS_SUMS).evidence()::toString);
    assertTrue(verdicts.get(OVERTHINKS_MAZES).evidence().contains("not counted, models at chance: maze s59: "
        + "path_accuracy 0, none better than uniform's 0 [0, 0.008] (by the intervals, unpaired: neither has "
        + "outcomes), at every count"), verdicts.get(OVERTHINKS_MAZES).evidence()::toString);
    assertEquals("dt-net-recall-progressive on maze s13, path_accuracy at T = 30: 0.9 [0.871, 0.923], 100: 0.99 "
        + "[0.977, 0.996]; rises outside the noise (by the intervals, unpaired: neither has outcomes)",
        verdicts.get(LONGER).evidence().get(0));
  }

  // dt-net-recall-keeps-accuracy: drop_after_best with at_most

  @Test
  void aRecallNetThatFallsAfterItsBestContradictsIt() {
    Grids run = new Grids();
    run.recall.put("maze/s33", new double[] {0, 0.3, 0.8, 0.93, 0.8});
    ClaimVerdict verdict = judge(run.builder(), work).get(KEEPS_MAZES);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("dt-net-recall-progressive on maze s33, path_accuracy best at 10T = 300: 0.93 [0.904, 0.949], at "
        + "its largest count 1000: 0.8 [0.763, 0.833]; drops 0.088 beyond the noise (needs a drop beyond the noise "
        + "<= 0.05; by the intervals, unpaired: neither has outcomes)", verdict.evidence().get(0));
  }

  @Test
  void aTrueDropFromHalfToAThirdContradictsItThoughTheIntervalsBarelyOverlap() {
    // 0.5 to 0.315 on 200 strings: the intervals' gap is 0.049, within the old 0.05; the drop's own
    // interval, half-widths added in quadrature, starts 0.089 above 0
    Grids run = new Grids();
    run.examples = 200;
    run.recall.put("prefix-sums/n128", new double[] {0, 0.1, 0.3, 0.5, 0.315});
    ClaimVerdict verdict = judge(run.builder(), work).get(KEEPS_SUMS);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status(), verdict::toString);
    assertEquals("dt-net-recall-progressive on prefix-sums n128, string_accuracy best at 10T = 300: 0.5 [0.431, "
        + "0.569], at its largest count 1000: 0.315 [0.255, 0.382]; drops 0.089 beyond the noise (needs a drop "
        + "beyond the noise <= 0.05; by the intervals, unpaired: neither has outcomes)", verdict.evidence().get(0));
  }

  @Test
  void aDropTheNoiseExplainsKeepsAccuracy() {
    Grids run = new Grids();
    run.recall.put("prefix-sums/n512", new double[] {0, 0, 0.3, 0.95, 0.9}); // 0.05 down, intervals overlap
    assertEquals(ClaimStatus.REPRODUCED, judge(run.builder(), work).get(KEEPS_SUMS).status());
  }

  @Test
  void aLevelSolvedLessThanHalfAtBestDecidesNothingEvenWhenItsAccuracyIsKept() {
    Grids run = new Grids();
    run.recall.put("prefix-sums/n512", new double[] {0, 0.05, 0.1, 0.1, 0.1}); // kept, but there is little to keep
    ClaimVerdict verdict = judge(run.builder(), work).get(KEEPS_SUMS);
    assertEquals(ClaimStatus.REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().contains("not counted, best too low to judge: dt-net-recall-progressive on "
        + "prefix-sums n512: string_accuracy best 0.1 [0.077, 0.129] at 100, below 0.5"), verdict.evidence()::toString);
  }

  @Test
  void aRecallNetThatHardlySolvesAnyLongerLevelLeavesItNotMeasured() {
    Grids run = new Grids();
    run.recall.replaceAll((level, values) -> level.equals("prefix-sums/n16") ? values
        : new double[] {0, 0.1, 0.1, 0.1, 0.1});
    ClaimVerdict verdict = judge(run.builder(), work).get(KEEPS_SUMS);
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status());
    assertEquals("not measured: best too low to judge", verdict.label());
  }

  // dt-net-plain-overthinks: drop_after_best with at_least

  @Test
  void aPlainNetThatKeepsItsBestOnALevelContradictsIt() {
    Grids run = new Grids();
    run.plain.put("maze/s13", new double[] {0.5, 0.85, 0.9, 0.9, 0.88});
    ClaimVerdict verdict = judge(run.builder(), work).get(OVERTHINKS_MAZES);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("dt-net-plain on maze s13, path_accuracy best at 100: 0.9 [0.871, 0.923], at its largest count "
        + "1000: 0.88 [0.849, 0.906]; no drop beyond the noise (needs a drop beyond the noise >= 0.1; "
        + "by the intervals, unpaired: neither has outcomes)", verdict.evidence().get(0));
  }

  @Test
  void aFallWithinTheNoiseIsNoOverthinking() {
    Grids run = new Grids();
    run.examples = 50; // 0.7 to 0.55 on 50 strings: within the noise
    run.plain.put("prefix-sums/n32", new double[] {0.2, 0.7, 0.65, 0.6, 0.55});
    ClaimVerdict verdict = judge(run.builder(), work).get(OVERTHINKS_SUMS);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).startsWith("dt-net-plain on prefix-sums n32, string_accuracy best at T = 30: "
        + "0.7 [") && verdict.evidence().get(0).endsWith("; no drop beyond the noise (needs a drop beyond the noise "
        + ">= 0.1; by the intervals, unpaired: neither has outcomes)"), verdict.evidence()::toString);
  }

  @Test
  void aPlainNetThatHardlySolvesALevelSaysNothingOfOverthinking() {
    // 0.2 to 0: 0.16 beyond the noise, enough before best_at_least; a fall from a level it hardly solved
    Grids run = new Grids();
    run.plain.put("prefix-sums/n32", new double[] {0, 0.2, 0.05, 0, 0});
    ClaimVerdict verdict = judge(run.builder(), work).get(OVERTHINKS_SUMS);
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status(), verdict::toString);
    assertEquals("not measured: best too low to judge; models at chance", verdict.label());
  }

  @Test
  void aPlainNetThatNeverLeavesChanceLeavesItNotMeasured() {
    Grids run = new Grids();
    run.plain.replaceAll((level, values) -> level.endsWith("/s9") || level.endsWith("/n16") ? values
        : new double[5]);
    Map<String, ClaimVerdict> verdicts = judge(run.builder(), work);
    for (String id : List.of(OVERTHINKS_MAZES, OVERTHINKS_SUMS)) {
      assertEquals(ClaimStatus.NOT_MEASURED, verdicts.get(id).status(), id);
      assertEquals("not measured: models at chance", verdicts.get(id).label(), id);
    }
  }

  // dt-net-thinks-longer-on-larger-mazes: more_iterations from T to the best count

  @Test
  void aLargerMazeSolvedAtTheTrainedCountContradictsIt() {
    Grids run = new Grids();
    run.recall.put("maze/s13", new double[] {0.6, 0.99, 0.99, 0.99, 0.99}); // best at T, the fewest on a tie
    ClaimVerdict verdict = judge(run.builder(), work).get(LONGER);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("dt-net-recall-progressive on maze s13, path_accuracy at T = 30: 0.99 [0.977, 0.996]; T and best "
        + "are one count: nothing rose", verdict.evidence().get(0));
  }

  @Test
  void aBestBeforeTheTrainedCountContradictsIt() {
    Grids run = new Grids();
    run.recall.put("maze/s33", new double[] {0.6, 0.3, 0.3, 0.3, 0.3});
    ClaimVerdict verdict = judge(run.builder(), work).get(LONGER);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).endsWith("falls outside the noise from 10 to 30 iterations (by the "
        + "intervals, unpaired: neither has outcomes); the last count is not better than the first outside the "
        + "noise (by the intervals, unpaired: neither has outcomes)"), verdict.evidence()::toString);
  }

  // recurrence-solves-larger-mazes-by-thinking-longer: the rrn's more_iterations on the larger mazes

  @Test
  void theRrnSolvesLargerMazesByThinkingLonger() {
    ClaimVerdict verdict = judge(new Grids().builder(), work).get(RRN_LONGER);
    assertEquals(ClaimStatus.REPRODUCED, verdict.status(), verdict.evidence()::toString);
    assertTrue(verdict.evidence().toString().contains("not counted, models at chance: maze s59"),
        verdict.evidence()::toString);
  }

  @Test
  void anRrnThatDoesNotGainFromMoreStepsOnALargerMazeContradictsIt() {
    Grids run = new Grids();
    run.rrn.put("maze/s13", new double[] {0.2, 0.21, 0.2});
    ClaimVerdict verdict = judge(run.builder(), work).get(RRN_LONGER);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().stream().anyMatch(line -> line.startsWith("rrn on maze s13")
        && line.endsWith("the last count is not better than the first outside the noise (by the intervals, "
            + "unpaired: neither has outcomes)")),
        verdict.evidence()::toString);
  }

  // dt-net-recall-beats-plain-when-run-long: above_model at the largest common count

  @Test
  void aPlainNetAsGoodAtTheLargestCountContradictsIt() {
    Grids run = new Grids();
    run.plain.put("prefix-sums/n128", new double[] {0, 0.05, 0.9, 0.98, 0.97});
    ClaimVerdict verdict = judge(run.builder(), work).get(BEATS_SUMS);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("dt-net-recall-progressive 0.98 [0.964, 0.989] vs dt-net-plain 0.97 [0.951, 0.982] on prefix-sums "
        + "n128 (string_accuracy, both at 1000 iterations): within the noise (by the intervals, unpaired: "
        + "neither has outcomes)",
        verdict.evidence().get(0));
  }

  @Test
  void aPlainNetAsGoodAtTheLargestCountOnALargerMazeContradictsIt() {
    Grids run = new Grids();
    run.plain.put("maze/s33", new double[] {0, 0.2, 0.5, 0.9, 0.92});
    ClaimVerdict verdict = judge(run.builder(), work).get(BEATS_MAZES);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("dt-net-recall-progressive 0.93 [0.904, 0.949] vs dt-net-plain 0.92 [0.893, 0.941] on maze s33 "
        + "(path_accuracy, both at 1000 iterations): within the noise (by the intervals, unpaired: neither has "
        + "outcomes)", verdict.evidence().get(0));
  }

  // Runs without the DT-Nets: the report lists none of their claims and they decide nothing.

  @Test
  void runsWithoutTheDtNetsNeitherListNorDecideTheirClaims() {
    RunResults sudoku = new SudokuRun().builder().read(work.resolve("sudoku"));
    Grids references = new Grids();
    references.recall.clear();
    references.plain.clear();
    RunResults grids = references.builder().read(work.resolve("references"));
    for (RunResults run : List.of(sudoku, grids)) {
      Map<String, ClaimVerdict> verdicts = byId(Claims.bundled().judge(run));
      for (String id : DT_NET_CLAIMS) {
        assertFalse(verdicts.get(id).claim().speaksOf(run), id + " is listed for " + run.id());
        assertEquals(ClaimStatus.NOT_MEASURED, verdicts.get(id).status(), id);
      }
    }
    assertStatus(byId(Claims.bundled().judge(grids)), ClaimStatus.REPRODUCED, "oracle-perfect",
        "classical-references-complete");
  }

  /** The default suite's shape: the DT-Nets on prefix sums only; their maze claims are not listed. */
  @Test
  void aRunOfTheDtNetsOnPrefixSumsOnlyListsAndDecidesTheirPrefixSumClaims() {
    Grids sums = new Grids();
    sums.recall.keySet().removeIf(level -> level.startsWith("maze/"));
    sums.plain.keySet().removeIf(level -> level.startsWith("maze/"));
    RunResults run = sums.builder().read(work.resolve("prefix-sums"));
    Map<String, ClaimVerdict> verdicts = byId(Claims.bundled().judge(run));
    for (String id : List.of(KEEPS_SUMS, OVERTHINKS_SUMS, BEATS_SUMS)) {
      assertTrue(verdicts.get(id).claim().speaksOf(run), id);
      assertEquals(ClaimStatus.REPRODUCED, verdicts.get(id).status(), id);
    }
    for (String id : List.of(KEEPS_MAZES, OVERTHINKS_MAZES, LONGER, BEATS_MAZES)) {
      assertFalse(verdicts.get(id).claim().speaksOf(run), id);
    }
  }

  // The sanity checks on the grid tasks.

  @Test
  void anOracleThatMissesAMazeFailsItsSanityCheck() {
    Grids run = new Grids();
    run.oracle = 0.998;
    ClaimVerdict verdict = judge(run.builder(), work).get("oracle-perfect");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).startsWith("oracle on maze s9 at 1 iteration: path_accuracy 0.998"),
        verdict.evidence()::toString);
  }

  @Test
  void aClassicalReferenceThatMissesAtItsFullBudgetOrFallsWithItFailsTheSanityCheck() {
    Grids missing = new Grids();
    missing.reference = new double[] {0.1, 0.5, 0.9, 0.99};
    ClaimVerdict verdict = judge(missing.builder(), work).get("classical-references-complete");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).matches("(maze-frontier on maze|parity-ripple on prefix-sums) \\S+ at "
        + "4096 iterations: \\w+ 0.99 .*"), verdict.evidence()::toString);
    Grids falls = new Grids();
    falls.reference = new double[] {0.1, 0.9, 0.5, 1};
    assertEquals(ClaimStatus.NOT_REPRODUCED,
        judge(falls.builder(), work).get("classical-references-complete").status());
  }
}
