package dev.reckon.plugins.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link TableFlops} against an independent count of the objectives' dense products on a small
 * case: each product's multiply-adds counted over its loops, once forward and once backward (the
 * backward product that gives the table's gradient, or the gradient on the way to it).
 */
class TableFlopsTest {
  private static final int BATCH = 5;
  private static final int ROWS = 3;
  private static final int KEYS = 4;

  @Test
  void eachObjectiveCostsItsProductsForwardAndBackward() {
    long picked = product(BATCH, ROWS, KEYS); // rows (B, X) . table (X, Y)
    long batchScores = product(BATCH, KEYS, BATCH); // (B, Y) . keys^T (Y, B)
    assertEquals(2 * 2 * picked, TableFlops.trainingUpdate(Objective.NLL, BATCH, ROWS, KEYS));
    assertEquals(2 * 2 * 2 * picked, TableFlops.trainingUpdate(Objective.PSEUDO_NLL, BATCH, ROWS, KEYS));
    assertEquals(2 * 2 * (picked + batchScores), TableFlops.trainingUpdate(Objective.INFONCE, BATCH, ROWS, KEYS));
    assertEquals(0, TableFlops.inference());
  }

  /** Multiply-adds of an (n, k) x (k, m) product. */
  private static long product(int n, int k, int m) {
    long count = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        for (int l = 0; l < k; l++) {
          count++;
        }
      }
    }
    return count;
  }
}
