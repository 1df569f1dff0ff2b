package dev.reckon.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
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

  private static LabelingPredictions measured(Score score) {
    return new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 2}}}, List.of(score));
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
