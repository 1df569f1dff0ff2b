package dev.reckon.plugins.tables;

/**
 * The floating-point operations of a free table's update, 2 per multiply-add, for the compute
 * leaderboard. The table has X rows (queries) and Y columns (keys); a batch of B pairs is given as
 * one-hot matrices {@code rows (B, X)} and {@code keys (B, Y)}, and the engine multiplies them
 * densely. The loss's matrix products, forward and backward:
 *
 * <pre>
 *   nll        picked = rows . table, (B, X) x (X, Y):      2 B X Y forward, 2 B X Y backward
 *              = 4 B X Y
 *   pseudo-nll picked twice (along the rows and along the columns)
 *              = 8 B X Y
 *   infonce    rows . table (B, X) x (X, Y), then . keys^T (B, Y) x (Y, B)
 *              = 2 B X Y + 2 B^2 Y forward, the same backward
 *              = 4 B X Y + 4 B^2 Y
 * </pre>
 *
 * The backward pass costs one product per product here, not two: only the table needs a gradient,
 * the one-hot operands none. Left out, as O(X Y) against the O(B X Y) above: the soft-maxes
 * (over the whole table, its rows or its columns; over the (B, B) scores for infonce), the
 * element-wise picking and means, and the SGD step in Java. Prediction looks the row up: 0.
 */
final class TableFlops {
  private TableFlops() {}

  /** One update of {@code objective} on {@code batch} pairs of a table of {@code rows} x {@code keys}. */
  static long trainingUpdate(Objective objective, int batch, int rows, int keys) {
    long b = batch;
    long x = rows;
    long y = keys;
    return switch (objective) {
      case NLL -> 4 * b * x * y;
      case PSEUDO_NLL -> 8 * b * x * y;
      case INFONCE -> 4 * b * x * y + 4 * b * b * y;
    };
  }

  /** One query's scores: a row looked up. */
  static long inference() {
    return 0;
  }
}
