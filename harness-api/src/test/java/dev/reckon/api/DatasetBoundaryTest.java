package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Copies share no array with their original, and check() names the first broken rule. */
class DatasetBoundaryTest {
  private static final ConstraintGraph PAIR = new ConstraintGraph(2, List.of(new int[] {0, 1}));

  @Test
  void aCopyOfALabellingDatasetSharesNoArray() {
    LabelingDataset original = new LabelingDataset(PAIR, 2, new int[][] {{1, 0}}, new int[][] {{1, 2}});
    LabelingDataset copy = original.copy();
    copy.givens()[0][1] = 2;
    copy.solutions()[0][0] = 2;
    assertEquals(0, original.givens()[0][1]);
    assertEquals(1, original.solutions()[0][0]);
  }

  @Test
  void copiesOfTheOtherShapesShareNoArray() {
    RetrievalDataset retrieval = new RetrievalDataset(3, new int[][] {{0}, {1}}, new int[][] {{2}}, new int[][] {{1}});
    retrieval.copy().queries()[0][0] = 0;
    assertEquals(2, retrieval.queries()[0][0]);
    SequenceDataset sequences = new SequenceDataset(5, 2, new int[][] {{3, 1}}, new int[][] {{1, 3}});
    sequences.copy().inputs()[0][0] = 0;
    assertEquals(3, sequences.inputs()[0][0]);
    GraphLabelingDataset graphs = new GraphLabelingDataset(new ConstraintGraph[] {PAIR}, 2, new int[][] {{0, 0}},
        null, new float[][][] {{{0.5f}, {0.25f}}});
    graphs.copy().features()[0][1][0] = 9;
    assertEquals(0.25f, graphs.features()[0][1][0]);
  }

  @Test
  void labellingPredictionsAreCheckedForCountsSizesAndRange() {
    LabelingDataset data = new LabelingDataset(PAIR, 2, new int[][] {{1, 0}, {0, 0}}, null);
    assertDoesNotThrow(() -> data.check(new LabelingPredictions(new int[] {1, 2},
        new int[][][] {{{1, 2}, {2, 1}}, {{1, 2}, {1, 2}}})));
    assertMessage("label 3 of node 1 is outside 1..2 of example 1 at 1 iterations", () -> data.check(
        new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 2}, {1, 3}}})));
    assertMessage("labels at 1 iterations hold 1 examples; the dataset has 2", () -> data.check(
        new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 2}}})));
    assertMessage("3 labels for 2 nodes of example 0 at 1 iterations", () -> data.check(
        new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 2, 1}, {1, 2}}})));
    assertMessage("needs LabelingPredictions", () -> data.check(new SequencePredictions(new int[] {1},
        new int[][][] {{{0}, {0}}})));
  }

  @Test
  void retrievalAndSequencePredictionsAreChecked() {
    RetrievalDataset retrieval = new RetrievalDataset(3, new int[][] {{0}, {1}}, new int[][] {{2}}, null);
    assertMessage("score NaN of key 1 is not finite", () -> retrieval.check(new RetrievalPredictions(new int[] {1},
        new float[][][] {{{0f, Float.NaN}}})));
    SequenceDataset sequences = new SequenceDataset(5, 2, new int[][] {{3, 1}}, null);
    assertMessage("a sequence of 3 tokens, longer than the task's 2", () -> sequences.check(
        new SequencePredictions(new int[] {1}, new int[][][] {{{1, 2, 3}}})));
    assertMessage("token 5 at position 0 is outside 0..4", () -> sequences.check(
        new SequencePredictions(new int[] {1}, new int[][][] {{{5}}})));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable check) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, check);
    assertTrue(error.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + error.getMessage());
  }
}
