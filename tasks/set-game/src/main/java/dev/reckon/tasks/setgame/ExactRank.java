package dev.reckon.tasks.setgame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The rank over the rationals of a growing set of 0/1 rows, by fraction-free Gaussian
 * elimination: every row stays a vector of integers (divided by the gcd of its entries to keep
 * them small), and each step replaces a row {@code r} by {@code b[p] r - r[p] b} for a basis row
 * {@code b} with pivot column {@code p}, which is exact. Floating point or arithmetic modulo
 * primes could only bound the rank; this proves it.
 *
 * <p>The basis is kept in echelon order: each basis row is zero in the pivot columns of the rows
 * added before it, so reducing a new row against the basis in order zeroes every pivot column,
 * and a row that is then non-zero is independent of the basis.
 */
public final class ExactRank {
  private final int columns;
  private final List<BigInteger[]> basis = new ArrayList<>();
  private final List<Integer> pivots = new ArrayList<>();

  public ExactRank(int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("rows need at least 1 column, got " + columns);
    }
    this.columns = columns;
  }

  /** Adds the 0/1 row whose ones are the set bits of {@code row}; true when the rank grew. */
  public boolean add(BitSet row) {
    if (row.length() > columns) {
      throw new IllegalArgumentException("row " + row + " has a one beyond column " + (columns - 1));
    }
    BigInteger[] reduced = new BigInteger[columns];
    for (int column = 0; column < columns; column++) {
      reduced[column] = row.get(column) ? BigInteger.ONE : BigInteger.ZERO;
    }
    for (int i = 0; i < basis.size(); i++) {
      int pivot = pivots.get(i);
      if (reduced[pivot].signum() != 0) {
        eliminate(reduced, basis.get(i), pivot);
      }
    }
    for (int column = 0; column < columns; column++) {
      if (reduced[column].signum() != 0) {
        basis.add(reduced);
        pivots.add(column);
        return true;
      }
    }
    return false;
  }

  public int rank() {
    return basis.size();
  }

  /** Whether the rank reached the number of columns, beyond which no row can raise it. */
  public boolean isFull() {
    return basis.size() == columns;
  }

  private static void eliminate(BigInteger[] row, BigInteger[] basisRow, int pivot) {
    BigInteger scale = basisRow[pivot];
    BigInteger factor = row[pivot];
    BigInteger gcd = BigInteger.ZERO;
    for (int column = 0; column < row.length; column++) {
      BigInteger value = row[column].multiply(scale);
      if (basisRow[column].signum() != 0) {
        value = value.subtract(factor.multiply(basisRow[column]));
      }
      row[column] = value;
      gcd = gcd.gcd(value);
    }
    if (gcd.compareTo(BigInteger.ONE) > 0) {
      for (int column = 0; column < row.length; column++) {
        row[column] = row[column].divide(gcd);
      }
    }
  }
}
