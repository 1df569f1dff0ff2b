package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void derivedSeedsArePinnedSoRunsAreReproducibleAcrossVersions() {
    // A change here changes every dataset of every run: bump the task versions if it is meant.
    assertEquals(Seeds.derive(1, "data", "sudoku-6x6", "b12", "eval"), Seeds.evaluationData("sudoku-6x6", "b12"));
    assertEquals(Seeds.derive(2, "data", "sudoku-6x6", "b12", "train"), Seeds.trainingData(2, "sudoku-6x6", "b12"));
    assertTrue(Seeds.derive(7, "x") >= 0);
  }

  @Test
  void everyNameAndTheRunSeedChangeTheSeedButEvaluationIsTheSameAtEveryRunSeed() {
    long base = Seeds.evaluationData("sudoku-6x6", "b12");
    assertNotEquals(base, Seeds.evaluationData("sudoku-4x4", "b12"));
    assertNotEquals(base, Seeds.evaluationData("sudoku-6x6", "b16"));
    assertNotEquals(base, Seeds.trainingData(1, "sudoku-6x6", "b12"));
    assertNotEquals(Seeds.trainingData(1, "sudoku-6x6", "b12"), Seeds.trainingData(2, "sudoku-6x6", "b12"));
    assertNotEquals(Seeds.model(1, "rrn", "sudoku-6x6", "b12"), Seeds.model(2, "rrn", "sudoku-6x6", "b12"));
    assertNotEquals(Seeds.derive(1, "ab", "c"), Seeds.derive(1, "a", "bc"));
  }
}
