package dev.reckon.tasks.setgame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every query of a pair game, the two cards unordered (the rule is symmetric in them): the pairs
 * of distinct cards for shared-attribute and set, the pairs of distinct patterns ({@code (V+1)^A}
 * cards with '*' allowed) for wildcard.
 */
public final class PairQueries {
  /** Beyond this many queries listing them is slower than an analysis should be. */
  public static final long MAX_QUERIES = 5_000_000;

  private PairQueries() {}

  /** Number of queries of {@code game} on {@code deck}. */
  public static BigInteger count(SetDeck deck, SetGame game) {
    BigInteger cards = BigInteger.valueOf(queryCards(deck, game));
    return cards.multiply(cards.subtract(BigInteger.ONE)).shiftRight(1);
  }

  /**
   * The match matrix of all queries of {@code game} on {@code deck}.
   *
   * @throws IllegalArgumentException when the game is not a pair game, cannot be played on the
   *     deck, or has more than {@link #MAX_QUERIES} queries
   */
  public static MatchMatrix matrix(SetDeck deck, SetGame game) {
    if (!game.isPair()) {
      throw new IllegalArgumentException("game " + game.id() + " is not a pair game");
    }
    game.requirePlayableOn(deck);
    BigInteger count = count(deck, game);
    if (count.compareTo(BigInteger.valueOf(MAX_QUERIES)) > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "game %s on a %s has %s queries, more than the %d this lists", game.id(), deck, count, MAX_QUERIES));
    }
    PairRule rule = game == SetGame.SHARED_ATTRIBUTE ? PairRule.SHARES : PairRule.COMPLETES;
    List<int[]> cards = cards(deck, game == SetGame.WILDCARD);
    MatchMatrix matrix = new MatchMatrix(deck.size());
    for (int i = 0; i < cards.size(); i++) {
      for (int j = i + 1; j < cards.size(); j++) {
        matrix.add(rule.answer(deck, cards.get(i), cards.get(j)));
      }
    }
    return matrix;
  }

  private static long queryCards(SetDeck deck, SetGame game) {
    return game == SetGame.WILDCARD ? (long) Math.pow(deck.values() + 1, deck.attributes()) : deck.size();
  }

  /** Every card, or with {@code wildcards} every pattern, in a fixed order. */
  private static List<int[]> cards(SetDeck deck, boolean wildcards) {
    int choices = wildcards ? deck.values() + 1 : deck.values();
    List<int[]> cards = new ArrayList<>();
    int[] card = new int[deck.attributes()];
    // Counts through every assignment as a base-`choices` number; digit `choices - 1` is '*'.
    long total = (long) Math.pow(choices, deck.attributes());
    for (long index = 0; index < total; index++) {
      long rest = index;
      for (int attribute = deck.attributes() - 1; attribute >= 0; attribute--) {
        int digit = (int) (rest % choices);
        card[attribute] = digit == deck.values() ? PairRule.WILDCARD : digit;
        rest /= choices;
      }
      cards.add(card.clone());
    }
    return cards;
  }
}
