package dev.reckon.graphnets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.ConstraintGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeighbourSlotsTest {
  /** Nodes 0, 1, 2 in one group and 2, 3 in another: degrees 2, 2, 3 and 1. */
  private final ConstraintGraph irregular = new ConstraintGraph(4, List.of(new int[] {0, 1, 2}, new int[] {2, 3}));

  @Test
  void sumsEachNodesNeighboursAndNothingElse() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NeighbourSlots slots = NeighbourSlots.of(irregular, manager);
      assertEquals(3, slots.slots());
      // two examples, feature f of node i = (example + 1) * 10^i, so a sum names its terms
      float[] values = new float[2 * 4 * 2];
      for (int b = 0; b < 2; b++) {
        for (int node = 0; node < 4; node++) {
          for (int f = 0; f < 2; f++) {
            values[(b * 4 + node) * 2 + f] = (b + 1) * (float) Math.pow(10, node) * (f + 1);
          }
        }
      }
      NDArray summed = slots.sum(slots.gather(manager.create(values, new Shape(2, 4, 2))));
      assertEquals(new Shape(2, 4, 2), summed.getShape());
      float[] expected = new float[16];
      int[][] neighbours = {{1, 2}, {0, 2}, {0, 1, 3}, {2}};
      for (int b = 0; b < 2; b++) {
        for (int node = 0; node < 4; node++) {
          for (int f = 0; f < 2; f++) {
            for (int j : neighbours[node]) {
              expected[(b * 4 + node) * 2 + f] += values[(b * 4 + j) * 2 + f];
            }
          }
        }
      }
      assertArrayEquals(expected, summed.toFloatArray());
    }
  }
}
