package dev.reckon.tasks.setgame;

import java.util.BitSet;

/**
 * How a pair of query cards picks its keys. A query card is an array of one value per attribute,
 * where {@link #WILDCARD} stands for '*'.
 */
public enum PairRule {
  /**
   * The shared-attribute rule: a key matches when it holds at least one attribute value that both
   * query cards hold. A '*' shares nothing, and a pair sharing no value has an empty answer.
   */
  SHARES {
    @Override
    public BitSet answer(SetDeck deck, int[] first, int[] second) {
      BitSet answer = new BitSet(deck.size());
      for (int card = 0; card < deck.size(); card++) {
        for (int attribute = 0; attribute < deck.attributes(); attribute++) {
          // Cards hold no WILDCARD value, so two '*' never match a key here.
          if (first[attribute] == second[attribute] && deck.value(card, attribute) == first[attribute]) {
            answer.set(card);
            break;
          }
        }
      }
      return answer;
    }
  },

  /**
   * The SET rule: the keys that complete a SET with the two query cards, that is, on every
   * attribute the three values are all equal or all different. Where either query card has '*',
   * the attribute is free. With 3 values the completion of two cards is the one card with {@code
   * c_k = (-a_k - b_k) mod 3}; with more values "all different" leaves {@code values - 2} choices,
   * and with 2 values it leaves none, so SET games need at least 3 values.
   */
  COMPLETES {
    @Override
    public BitSet answer(SetDeck deck, int[] first, int[] second) {
      boolean[][] allowed = new boolean[deck.attributes()][deck.values()];
      for (int attribute = 0; attribute < deck.attributes(); attribute++) {
        int a = first[attribute];
        int b = second[attribute];
        for (int value = 0; value < deck.values(); value++) {
          if (a == WILDCARD || b == WILDCARD) {
            allowed[attribute][value] = true;
          } else if (a == b) {
            allowed[attribute][value] = value == a;
          } else {
            allowed[attribute][value] = value != a && value != b;
          }
        }
      }
      BitSet answer = new BitSet(deck.size());
      for (int card = 0; card < deck.size(); card++) {
        boolean completes = true;
        for (int attribute = 0; attribute < deck.attributes() && completes; attribute++) {
          completes = allowed[attribute][deck.value(card, attribute)];
        }
        answer.set(card, completes);
      }
      return answer;
    }
  };

  /** A query card's value on an attribute it leaves open ('*'). */
  public static final int WILDCARD = -1;

  /** The keys of {@code deck} that the pair ({@code first}, {@code second}) picks. */
  public abstract BitSet answer(SetDeck deck, int[] first, int[] second);
}
