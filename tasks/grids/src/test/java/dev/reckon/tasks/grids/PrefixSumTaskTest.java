package dev.reckon.tasks.grids;

import static dev.reckon.tasks.grids.PrefixSumTask.BIT_ACCURACY;
import static dev.reckon.tasks.grids.PrefixSumTask.STRING_ACCURACY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixSumTaskTest {
  private final PrefixSumTask task = new PrefixSumTask();

  @Test
  void levelsByLengthWithOneBitInAndTwoLabelsOut() {
    assertEquals(List.of("n16", "n24", "n32", "n48", "n64", "n128", "n256", "n512"),
        task.levels().stream().map(Level::id).toList());
    assertEquals(new GridFormat(1, 1, 2), task.format());
    assertEquals(List.of(STRING_ACCURACY, BIT_ACCURACY), task.metrics().stream().map(m -> m.id()).toList());
    assertEquals(new Level("n40", 40, "40 uniformly random bits"), task.level("n40"));
    for (String id : List.of("n1", "n0", "n016", "n10000", "s16", "n")) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> task.level(id));
      assertEquals("no level '" + id + "'; the levels are nN with N from 2 to 9999, e.g. n16, n24, n32, n48, n64, "
          + "n128, n256, n512", error.getMessage());
    }
  }

  @Test
  void theRunningParityIsOnePlusTheXorOfTheBitsSoFar() {
    float[][] bits = {{1}, {0}, {1}, {1}, {0}, {0}, {1}};
    assertArrayEquals(new int[] {2, 2, 1, 2, 2, 2, 1}, RunningParity.labels(bits));
  }

  @Test
  void generatedAnswersFollowTheParityOfUniformBits() {
    GridDataset data = task.generate(task.level("n64"), 200, 3);
    assertEquals(1, data.rows());
    assertEquals(64, data.columns());
    long ones = 0;
    for (int example = 0; example < data.size(); example++) {
      int sum = 0;
      for (int position = 0; position < 64; position++) {
        float bit = data.cells()[example][position][0];
        assertTrue(bit == 0f || bit == 1f);
        sum += (int) bit;
        assertEquals(1 + sum % 2, data.answers()[example][position], "example " + example + ", position " + position);
      }
      ones += sum;
    }
    assertEquals(0.5, ones / (200.0 * 64), 0.02);
  }
}
