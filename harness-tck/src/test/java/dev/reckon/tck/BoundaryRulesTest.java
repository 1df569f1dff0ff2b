package dev.reckon.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.Level;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every rule of the boundary refuses what breaks it, with a sentence naming the plugin and the rule. */
class BoundaryRulesTest {
  private static final List<Metric> METRICS = List.of(
      new Metric("puzzle_accuracy", Direction.HIGHER_IS_BETTER, "fraction", "all right"));
  private static final LabelingDataset INPUTS = new LabelingDataset(
      new ConstraintGraph(2, List.of(new int[] {0, 1})), 2, new int[][] {{1, 0}}, null);

  @Test
  void legalPredictionsPass() {
    assertDoesNotThrow(() -> check(new LabelingPredictions(new int[] {1, 4}, new int[][][] {{{1, 2}}, {{1, 2}}},
        List.of(Score.mean("solver_iterations", 4, new double[] {3, 4})))));
  }

  @Test
  void nullPredictions() {
    assertViolation("model m on level b6 returned no predictions (null)", () -> check(null));
  }

  @Test
  void iterationCountsMustBePositiveAndStrictlyAscending() {
    for (int[] iterations : List.of(new int[] {8, 2}, new int[] {1, 1}, new int[] {-3, 0})) {
      int[][][] labels = new int[iterations.length][][];
      java.util.Arrays.fill(labels, new int[][] {{1, 2}});
      assertViolation("they must be positive and strictly ascending",
          () -> check(new LabelingPredictions(iterations, labels)));
    }
    assertViolation("gave no iteration counts", () -> check(new LabelingPredictions(new int[0], new int[0][][])));
  }

  @Test
  void theDatasetChecksTheShape() {
    assertViolation("model m on level b6 gave predictions of the wrong shape: label 0 of node 1 is outside 1..2",
        () -> check(new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 0}}})));
  }

  @Test
  void measurementsMayNotShadowTheTasksMetricsNorBeNonFinite() {
    assertViolation("measured 'puzzle_accuracy', the name of one of the task's metrics",
        () -> check(measured(Score.proportion("puzzle_accuracy", 1, 1, 1))));
    assertViolation("values must be finite",
        () -> check(measured(new Score("residual", 1, Double.NaN, 1, 0, 0))));
    assertViolation("bad name", () -> check(measured(new Score("../x", 1, 1, 1, 1, 1))));
    assertViolation("twice", () -> check(new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 2}}},
        List.of(new Score("r", 1, 1, 1, 1, 1), new Score("r", 1, 2, 1, 2, 2)))));
  }

  @Test
  void aTaskMayScoreOnlyItsOwnMetricsWithFiniteValues() {
    assertDoesNotThrow(() -> BoundaryRules.checkScores("t", "b6", List.of(Score.proportion("puzzle_accuracy", 1, 1, 2)),
        METRICS));
    assertViolation("task t on level b6 scored 'made_up'", () -> BoundaryRules.checkScores("t", "b6",
        List.of(new Score("made_up", 1, 0.5, 1, 0, 1)), METRICS));
    assertViolation("values must be finite", () -> BoundaryRules.checkScores("t", "b6",
        List.of(new Score("puzzle_accuracy", 1, Double.POSITIVE_INFINITY, 1, 0, 1)), METRICS));
  }

  @Test
  void aFractionLiesInZeroToOneAndEveryValueInsideItsInterval() {
    assertViolation("task t on level b6 scored puzzle_accuracy = 1.7, but it is a fraction: in [0, 1]",
        () -> BoundaryRules.checkScores("t", "b6", List.of(new Score("puzzle_accuracy", 1, 1.7, 10, 2, 3)), METRICS));
    assertViolation("scored puzzle_accuracy = 0.5 outside its interval [0.6, 0.9]", () -> BoundaryRules.checkScores(
        "t", "b6", List.of(new Score("puzzle_accuracy", 1, 0.5, 10, 0.6, 0.9)), METRICS));
  }

  @Test
  void aLevelIsTheOneAskedForWithAFiniteDifficulty() {
    Level easy = new Level("easy", 1, "easy");
    assertDoesNotThrow(() -> BoundaryRules.checkLevel("t", "easy", easy));
    assertViolation("task t gave level 'hard' for level 'easy'",
        () -> BoundaryRules.checkLevel("t", "easy", new Level("hard", 2, "hard")));
    assertViolation("task t gave null for level 'easy'", () -> BoundaryRules.checkLevel("t", "easy", null));
    assertViolation("task t gave level 'easy' difficulty NaN; it must be finite",
        () -> BoundaryRules.checkLevel("t", "easy", new Level("easy", Double.NaN, "easy")));
  }

  @Test
  void aCurveNameIsSafe() {
    assertDoesNotThrow(() -> BoundaryRules.checkCurve("m", "loss"));
    assertViolation("model m recorded a curve under a bad name", () -> BoundaryRules.checkCurve("m",
        "../../curve<script>"));
  }

  private static LabelingPredictions measured(Score score) {
    return new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 2}}}, List.of(score));
  }

  @Test
  void outcomesMustAgreeWithTheirScores() {
    BitSet two = new BitSet();
    two.set(0, 2);
    List<Score> scores = List.of(Score.proportion("puzzle_accuracy", 4, 2, 4));
    assertDoesNotThrow(() -> outcomes(List.of(new ExampleOutcomes("puzzle_accuracy", 4, 4, two)), scores, 4));
    assertDoesNotThrow(() -> outcomes(List.of(), scores, 4));
    BitSet three = new BitSet();
    three.set(0, 3);
    assertViolation("task t on level b6 gave outcomes of puzzle_accuracy at 4 iterations counting 3 of 4, but scored "
        + "0.5 over 4", () -> outcomes(List.of(new ExampleOutcomes("puzzle_accuracy", 4, 4, three)), scores, 4));
    assertViolation("over 4 examples; the dataset has 5",
        () -> outcomes(List.of(new ExampleOutcomes("puzzle_accuracy", 4, 4, two)), scores, 5));
    assertViolation("and scored none there",
        () -> outcomes(List.of(new ExampleOutcomes("puzzle_accuracy", 8, 4, two)), scores, 4));
    assertViolation("twice", () -> outcomes(List.of(new ExampleOutcomes("puzzle_accuracy", 4, 4, two),
        new ExampleOutcomes("puzzle_accuracy", 4, 4, two)), scores, 4));
    assertViolation("which is not one of its metrics measured as a fraction",
        () -> outcomes(List.of(new ExampleOutcomes("kl", 4, 4, two)), scores, 4));
    assertViolation("returned no outcomes (null)", () -> outcomes(null, scores, 4));
  }

  private static void outcomes(List<ExampleOutcomes> outcomes, List<Score> scores, int examples) {
    BoundaryRules.checkOutcomes("t", "b6", outcomes, scores, examples, METRICS);
  }

  private static void check(Predictions predictions) {
    BoundaryRules.checkPredictions("m", "b6", INPUTS, predictions, METRICS);
  }

  private static void assertViolation(String expected, Executable check) {
    BoundaryRules.Violation violation = assertThrows(BoundaryRules.Violation.class, check);
    assertTrue(violation.getMessage().contains(expected), () -> "expected '" + expected + "' in: "
        + violation.getMessage());
  }
}
