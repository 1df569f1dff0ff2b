package dev.reckon.plugins.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Each objective's loss on a table of zeros, where every softmax is uniform, against its formula. */
class ObjectiveTest {
  @Test
  void onAZeroTableEachLossIsTheLogOfWhatItsSoftmaxSpreadsOver() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray table = manager.zeros(new Shape(3, 4));
      // Four pairs, all different: (0, 0), (1, 1), (2, 2), (0, 3).
      NDArray rows = manager.create(new int[] {0, 1, 2, 0}).oneHot(3);
      NDArray keys = manager.create(new int[] {0, 1, 2, 3}).oneHot(4);
      assertEquals(Math.log(12), Objective.NLL.loss(one(table), one(rows), one(keys)).getFloat(0), 1e-6);
      assertEquals(Math.log(4) + Math.log(3), Objective.PSEUDO_NLL.loss(one(table), one(rows), one(keys)).getFloat(0), 1e-6);
      assertEquals(Math.log(4), Objective.INFONCE.loss(one(table), one(rows), one(keys)).getFloat(0), 1e-6);
    }
  }

  @Test
  void nllOfALogProbabilityTableIsTheEntropyOfTheBatch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // p = (1/2, 1/4; 1/8, 1/8): the batch (0, 0), (0, 1) scores -log 1/2 and -log 1/4.
      NDArray table = manager.create(new float[] {(float) Math.log(0.5), (float) Math.log(0.25),
          (float) Math.log(0.125), (float) Math.log(0.125)}, new Shape(2, 2));
      NDArray rows = manager.create(new int[] {0, 0}).oneHot(2);
      NDArray keys = manager.create(new int[] {0, 1}).oneHot(2);
      assertEquals((Math.log(2) + Math.log(4)) / 2, Objective.NLL.loss(one(table), one(rows), one(keys)).getFloat(0), 1e-6);
    }
  }

  @Test
  void seedsStackedOnALeadingAxisEachGetTheirOwnLoss() {
    try (NDManager manager = NDManager.newBaseManager()) {
      manager.getEngine().setRandomSeed(5);
      NDArray first = manager.randomNormal(new Shape(3, 4));
      NDArray second = manager.randomNormal(new Shape(3, 4));
      NDArray firstRows = manager.create(new int[] {0, 1, 2, 0}).oneHot(3);
      NDArray secondRows = manager.create(new int[] {2, 2, 1, 0}).oneHot(3);
      NDArray firstKeys = manager.create(new int[] {0, 1, 2, 3}).oneHot(4);
      NDArray secondKeys = manager.create(new int[] {3, 1, 1, 0}).oneHot(4);
      for (Objective objective : Objective.values()) {
        float[] stacked = objective.loss(first.stack(second), firstRows.stack(secondRows), firstKeys.stack(secondKeys))
            .toFloatArray();
        assertEquals(objective.loss(one(first), one(firstRows), one(firstKeys)).getFloat(0), stacked[0], 1e-6,
            objective.id());
        assertEquals(objective.loss(one(second), one(secondRows), one(secondKeys)).getFloat(0), stacked[1], 1e-6,
            objective.id());
      }
    }
  }

  /** One seed's array: a leading seed axis of 1. */
  private static NDArray one(NDArray array) {
    return array.expandDims(0);
  }
}
