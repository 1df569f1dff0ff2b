package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Draws the queries of a game from a {@link SplittableRandom}, so a seed fixes them on every
 * machine. Queries with an empty answer are drawn again.
 *
 * <p>The '*' of a query card falls on each attribute independently. Two rates, each chosen for
 * what its game should look like:
 *
 * <ul>
 *   <li>{@link #WILDCARD_RATE} in the wildcard game. A pair leaves an attribute free when either
 *       card has '*' there, with probability {@code 1 - (1 - rate)^2 = 1/4} at this rate; each of
 *       the 3 values then also has probability 1/4, so the answers (subcubes of the deck) come
 *       out close to uniform over all {@code 4^A} of them: the game's {@code 2^6} subsets on 27
 *       cards are all seen about equally often.
 *   <li>{@link #COMPOSITE_WILDCARD_RATE} in the pairs of union and symdiff, chosen to look like
 *       the seed's games. At this rate a union of 8 pairs on the 27-card deck names 12 cards at
 *       the median (9 to 18 between the 10th and 90th percentiles), as the seed's example query
 *       names 13; and 2^17 drawn queries give a Chao1 estimate of about 2^21 distinct answers for
 *       union and 2^23 for symdiff, the seed's figures. (The answers these games can produce at
 *       all are more, for any rate strictly between 0 and 1: see {@link AnswerCounts}.)
 * </ul>
 */
public final class QuerySampler {
  /** '*' rate of the wildcard game: {@code 1 - sqrt(3)/2}, so a pair frees an attribute with probability 1/4. */
  public static final double WILDCARD_RATE = 1 - Math.sqrt(3) / 2;

  /** '*' rate of the pairs of union and symdiff queries. */
  public static final double COMPOSITE_WILDCARD_RATE = 0.07;

  private final SetDeck deck;
  private final int pairs;
  private final SetVocabulary vocabulary;
  private final QueryEvaluator evaluator;

  /**
   * @param pairs {@code m}, the number of pairs of a union or symdiff query
   */
  public QuerySampler(SetDeck deck, int pairs) {
    this.deck = requireNonNull(deck, "deck is null");
    if (pairs < 1) {
      throw new IllegalArgumentException("a query needs at least 1 pair, got " + pairs);
    }
    this.pairs = pairs;
    this.vocabulary = new SetVocabulary(deck);
    this.evaluator = new QueryEvaluator(deck);
  }

  /** A query of {@code game} with a non-empty answer. */
  public SetQuery draw(SetGame game, SplittableRandom random) {
    requireNonNull(game, "game is null");
    requireNonNull(random, "random is null");
    game.requirePlayableOn(deck);
    while (true) {
      int[] tokens = switch (game) {
        case SHARED_ATTRIBUTE -> pair(SetVocabulary.SHARES, 0, random);
        case SET -> pair(SetVocabulary.COMPLETES, 0, random);
        case WILDCARD -> pair(SetVocabulary.COMPLETES, WILDCARD_RATE, random);
        case UNION, SYMDIFF -> composite(game, random);
        case SHATTER -> membership(random);
      };
      BitSet answer = evaluator.evaluate(tokens);
      if (!answer.isEmpty()) {
        return new SetQuery(tokens, answer);
      }
    }
  }

  private int[] composite(SetGame game, SplittableRandom random) {
    int pairLength = 2 * deck.attributes() + 1;
    int[] tokens = new int[pairs * pairLength + pairs - 1];
    for (int pair = 0; pair < pairs; pair++) {
      int start = pair * (pairLength + 1);
      if (pair > 0) {
        boolean union = game == SetGame.UNION || random.nextBoolean();
        tokens[start - 1] = union ? SetVocabulary.UNION : SetVocabulary.SYMDIFF;
      }
      System.arraycopy(pair(SetVocabulary.COMPLETES, COMPOSITE_WILDCARD_RATE, random), 0, tokens, start, pairLength);
    }
    return tokens;
  }

  /** Two distinct query cards (as patterns: '*' included) joined by {@code joiner}. */
  private int[] pair(int joiner, double wildcardRate, SplittableRandom random) {
    int[] first;
    int[] second;
    do {
      first = card(wildcardRate, random);
      second = card(wildcardRate, random);
    } while (Arrays.equals(first, second));
    int attributes = deck.attributes();
    int[] tokens = new int[2 * attributes + 1];
    System.arraycopy(vocabulary.cardTokens(first), 0, tokens, 0, attributes);
    tokens[attributes] = joiner;
    System.arraycopy(vocabulary.cardTokens(second), 0, tokens, attributes + 1, attributes);
    return tokens;
  }

  private int[] card(double wildcardRate, SplittableRandom random) {
    int[] card = new int[deck.attributes()];
    for (int attribute = 0; attribute < card.length; attribute++) {
      card[attribute] = random.nextDouble() < wildcardRate
          ? PairRule.WILDCARD
          : random.nextInt(deck.values());
    }
    return card;
  }

  private int[] membership(SplittableRandom random) {
    int[] tokens = new int[deck.size()];
    for (int card = 0; card < tokens.length; card++) {
      tokens[card] = random.nextBoolean() ? SetVocabulary.IN : SetVocabulary.OUT;
    }
    return tokens;
  }
}
