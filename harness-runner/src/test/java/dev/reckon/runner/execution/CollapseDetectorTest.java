package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CollapseDetectorTest {
  @Test
  void anAccuracyThatFallsAndStaysIsACollapseAtTheUpdateWhereItFell() {
    CollapseDetector detector = new CollapseDetector();
    double[] accuracy = {0.2, 0.6, 0.9, 0.95, 0.93, 0.02, 0.0, 0.01, 0.0};
    for (int i = 0; i < accuracy.length; i++) {
      detector.observe(50 * (i + 1), "train_puzzle_accuracy", accuracy[i]);
    }
    TrainingCollapse collapse = detector.result().orElseThrow();
    assertEquals(300, collapse.update());
    assertEquals("train_puzzle_accuracy", collapse.metric());
    assertEquals("train_puzzle_accuracy fell from 0.930 to 0.010", collapse.description(), "from the level it held");
  }

  @Test
  void aDipThatRecoversIsNoise() {
    CollapseDetector detector = new CollapseDetector();
    double[] accuracy = {0.5, 0.9, 0.3, 0.35, 0.88, 0.92, 0.85, 0.9};
    for (int i = 0; i < accuracy.length; i++) {
      detector.observe(i + 1, "train_puzzle_accuracy", accuracy[i]);
    }
    assertEquals(Optional.empty(), detector.result());
  }

  /** A learner on batches of 16 (as the rrn on mazes), one batch lucky: a noisy climb, not a fall. */
  @Test
  void oneLuckyBatchSetsNoLevelToFallFrom() {
    CollapseDetector detector = new CollapseDetector();
    double[] accuracy = {0.125, 0.25, 0.1875, 0.625, 0.1875, 0.25, 0.125, 0.3125, 0.375};
    for (int i = 0; i < accuracy.length; i++) {
      detector.observe(25 * (i + 1), "train_example_accuracy", accuracy[i]);
    }
    assertEquals(Optional.empty(), detector.result());
  }

  @Test
  void smallWobblesOfALowAccuracyAreNotACollapse() {
    CollapseDetector detector = new CollapseDetector();
    double[] accuracy = {0.1, 0.15, 0.05, 0.0, 0.02, 0.0};
    for (int i = 0; i < accuracy.length; i++) {
      detector.observe(i + 1, "train_puzzle_accuracy", accuracy[i]);
    }
    assertEquals(Optional.empty(), detector.result());
  }

  @Test
  void aLossThatShootsUpAndStaysIsACollapse() {
    CollapseDetector detector = new CollapseDetector();
    double[] loss = {1.4, 0.9, 0.4, 0.2, 0.25, 3.1, 2.9, 3.0};
    for (int i = 0; i < loss.length; i++) {
      detector.observe(10 * (i + 1), "loss", loss[i]);
    }
    assertEquals(60, detector.result().orElseThrow().update());
  }

  @Test
  void aFallInTheLastPointsCountsWhenTrainingEndsThere() {
    CollapseDetector detector = new CollapseDetector();
    detector.observe(1, "train_cell_accuracy", 0.9);
    detector.observe(2, "train_cell_accuracy", 0.1);
    assertEquals(2, detector.result().orElseThrow().update());
  }

  @Test
  void aNanLossIsACollapseAtOnce() {
    CollapseDetector detector = new CollapseDetector();
    detector.observe(10, "loss", 0.5);
    Optional<TrainingCollapse> seen = detector.observe(20, "loss", Double.NaN);
    assertTrue(seen.isPresent());
    assertEquals(20, seen.get().update());
    assertEquals("loss became NaN", seen.get().description());
  }

  @Test
  void otherCurvesAreNotWatched() {
    CollapseDetector detector = new CollapseDetector();
    for (int i = 1; i <= 10; i++) {
      detector.observe(i, "update_memory_mb", i % 2 == 0 ? 100 : 1);
    }
    assertEquals(Optional.empty(), detector.result());
  }
}
