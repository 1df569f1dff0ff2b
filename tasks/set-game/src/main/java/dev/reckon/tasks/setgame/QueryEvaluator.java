package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Answers a query from its tokens (laid out as {@link SetVocabulary} describes): the one place
 * that defines what a query means. The generator draws token sequences and asks this class for
 * their answers, and the reference solver answers unseen queries the same way.
 */
public final class QueryEvaluator {
  private final SetDeck deck;
  private final SetVocabulary vocabulary;

  public QueryEvaluator(SetDeck deck) {
    this.deck = requireNonNull(deck, "deck is null");
    this.vocabulary = new SetVocabulary(deck);
  }

  /**
   * The cards {@code query} names, possibly none.
   *
   * @throws IllegalArgumentException when the tokens do not spell a query of this deck
   */
  public BitSet evaluate(int[] query) {
    requireNonNull(query, "query is null");
    if (query.length > 0 && (query[0] == SetVocabulary.IN || query[0] == SetVocabulary.OUT)) {
      return membership(query);
    }
    int pairLength = 2 * deck.attributes() + 1;
    if (query.length < pairLength || (query.length - pairLength) % (pairLength + 1) != 0) {
      throw malformed(query, "its length " + query.length + " is not that of a pair query ("
          + pairLength + ") or of pairs joined by operators (" + pairLength + " + k x " + (pairLength + 1) + ")");
    }
    BitSet answer = pair(query, 0);
    for (int position = pairLength; position < query.length; position += pairLength + 1) {
      SetOperator operator = switch (query[position]) {
        case SetVocabulary.UNION -> SetOperator.UNION;
        case SetVocabulary.SYMDIFF -> SetOperator.SYMMETRIC_DIFFERENCE;
        default -> throw malformed(query, "position " + position + " holds " + query[position] + ", not an operator");
      };
      operator.applyTo(answer, pair(query, position + 1));
    }
    return answer;
  }

  private BitSet membership(int[] query) {
    if (query.length != deck.size()) {
      throw malformed(query, "a shatter query has one token per card, " + deck.size());
    }
    BitSet answer = new BitSet(deck.size());
    for (int card = 0; card < query.length; card++) {
      if (query[card] == SetVocabulary.IN) {
        answer.set(card);
      } else if (query[card] != SetVocabulary.OUT) {
        throw malformed(query, "position " + card + " holds " + query[card] + ", not IN or OUT");
      }
    }
    return answer;
  }

  private BitSet pair(int[] query, int start) {
    int attributes = deck.attributes();
    PairRule rule = switch (query[start + attributes]) {
      case SetVocabulary.SHARES -> PairRule.SHARES;
      case SetVocabulary.COMPLETES -> PairRule.COMPLETES;
      default -> throw malformed(query, "position " + (start + attributes) + " holds "
          + query[start + attributes] + ", not a pair joiner");
    };
    return rule.answer(deck, card(query, start), card(query, start + attributes + 1));
  }

  private int[] card(int[] query, int start) {
    int[] card = new int[deck.attributes()];
    for (int attribute = 0; attribute < card.length; attribute++) {
      try {
        card[attribute] = vocabulary.valueAt(query[start + attribute], attribute);
      } catch (IllegalArgumentException e) {
        throw malformed(query, "at position " + (start + attribute) + ", " + e.getMessage());
      }
    }
    return card;
  }

  private static IllegalArgumentException malformed(int[] query, String reason) {
    return new IllegalArgumentException("query " + Arrays.toString(query) + " is malformed: " + reason);
  }
}
