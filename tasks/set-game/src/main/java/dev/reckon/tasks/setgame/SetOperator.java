package dev.reckon.tasks.setgame;

import java.util.BitSet;

/** An operator joining the answers of two parts of a query, evaluated left to right. */
public enum SetOperator {
  UNION {
    @Override
    void applyTo(BitSet accumulated, BitSet next) {
      accumulated.or(next);
    }

    @Override
    int apply(int accumulated, int next) {
      return accumulated | next;
    }
  },
  SYMMETRIC_DIFFERENCE {
    @Override
    void applyTo(BitSet accumulated, BitSet next) {
      accumulated.xor(next);
    }

    @Override
    int apply(int accumulated, int next) {
      return accumulated ^ next;
    }
  };

  /** Replaces {@code accumulated} by {@code accumulated op next}. */
  abstract void applyTo(BitSet accumulated, BitSet next);

  /** The same on subsets of a deck of at most 31 cards held as bit masks. */
  abstract int apply(int accumulated, int next);
}
