package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Every answer a union or symdiff query of {@code m} pairs can have, on a deck of at most {@value
 * #MAX_CARDS} cards: a breadth-first search over the deck's subsets, held as bit masks in a
 * bitmap of {@code 2^N} bits (16 MiB for 27 cards).
 *
 * <p>Why a search by levels counts exactly the answers of exactly {@code m} pairs: let {@code
 * L_k} be the answers of {@code k} pairs. {@code L_(k-1)} is inside {@code L_k}, because
 * repeating the first pair with a union ({@code P ∪ P = P}) adds a pair and changes nothing. So
 * {@code L_m} is everything within {@code m - 1} operator steps of a single pair's answer, and a
 * level only needs the successors of the subsets new at the previous level. The empty set, which
 * a symmetric difference can reach, leads only back to single pairs' answers ({@code ∅ op P =
 * P}), so it is neither expanded nor counted: empty answers are never drawn.
 */
public final class ReachableSubsets {
  /** The largest deck searched: its bitmap is {@code 2^27} bits. */
  public static final int MAX_CARDS = 27;

  private final long[] reachable;
  private final long count;

  private ReachableSubsets(long[] reachable, long count) {
    this.reachable = reachable;
    this.count = count;
  }

  /**
   * The answers of {@code game} with {@code pairs} pairs, each pair answering one of {@code
   * pairAnswers} (the answers of the wildcard game when the '*' rate is strictly between 0 and
   * 1, as every pair of patterns can then be drawn).
   */
  public static ReachableSubsets search(SetDeck deck, SetGame game, int pairs, List<BitSet> pairAnswers) {
    requireNonNull(deck, "deck is null");
    requireNonNull(game, "game is null");
    requireNonNull(pairAnswers, "pairAnswers is null");
    if (!game.isComposite()) {
      throw new IllegalArgumentException("game " + game.id() + " does not join pairs by operators");
    }
    if (deck.size() > MAX_CARDS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the subsets of a %s are too many to search; the search handles decks of up to %d cards",
          deck, MAX_CARDS));
    }
    if (pairs < 1) {
      throw new IllegalArgumentException("a query needs at least 1 pair, got " + pairs);
    }
    SetOperator[] operators = game == SetGame.UNION
        ? new SetOperator[] {SetOperator.UNION}
        : SetOperator.values();
    int[] steps = pairAnswers.stream().mapToInt(ReachableSubsets::mask).filter(mask -> mask != 0).distinct().toArray();
    int words = Math.max(1, (1 << deck.size()) >>> 6);
    long[] reachable = new long[words];
    long[] frontier = new long[words];
    long[] next = new long[words];
    long count = 0;
    for (int mask : steps) {
      if (mark(reachable, mask)) {
        frontier[mask >>> 6] |= 1L << mask;
        count++;
      }
    }
    for (int level = 2; level <= pairs; level++) {
      long found = 0;
      for (int word = 0; word < words; word++) {
        for (long bits = frontier[word]; bits != 0; bits &= bits - 1) {
          int subset = (word << 6) | Long.numberOfTrailingZeros(bits);
          for (SetOperator operator : operators) {
            for (int step : steps) {
              int successor = operator.apply(subset, step);
              if (successor != 0 && mark(reachable, successor)) {
                next[successor >>> 6] |= 1L << successor;
                found++;
              }
            }
          }
        }
      }
      if (found == 0) {
        break; // a fixed point: further pairs reach nothing new
      }
      count += found;
      long[] done = frontier;
      frontier = next;
      next = done;
      Arrays.fill(next, 0);
    }
    return new ReachableSubsets(reachable, count);
  }

  /** Number of distinct non-empty answers. */
  public long count() {
    return count;
  }

  /** The first answer, as a bit mask of cards, at or after mask {@code from}; -1 when none is left. */
  public int nextAnswer(int from) {
    int word = from >>> 6;
    if (word >= reachable.length) {
      return -1;
    }
    long bits = reachable[word] & (-1L << from);
    while (bits == 0) {
      if (++word == reachable.length) {
        return -1;
      }
      bits = reachable[word];
    }
    return (word << 6) | Long.numberOfTrailingZeros(bits);
  }

  /** The cards of {@code mask} as a set. */
  public static BitSet cards(int mask) {
    return BitSet.valueOf(new long[] {mask & 0xffffffffL});
  }

  private static int mask(BitSet cards) {
    return cards.isEmpty() ? 0 : (int) cards.toLongArray()[0];
  }

  /** Marks {@code mask} reachable; true when it was not yet. */
  private static boolean mark(long[] reachable, int mask) {
    long bit = 1L << mask;
    int word = mask >>> 6;
    if ((reachable[word] & bit) != 0) {
      return false;
    }
    reachable[word] |= bit;
    return true;
  }
}
