package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

/**
 * The tokens that spell the queries and keys of one deck ({@code A} attributes, {@code V}
 * values, {@code N} cards).
 *
 * <table>
 *   <caption>Token ids</caption>
 *   <tr><th>id</th><th>token</th></tr>
 *   <tr><td>0</td><td>{@code SHARES}: joins the two cards of a shared-attribute pair</td></tr>
 *   <tr><td>1</td><td>{@code COMPLETES}: joins the two cards of a SET pair</td></tr>
 *   <tr><td>2</td><td>{@code UNION}: operator between two pairs</td></tr>
 *   <tr><td>3</td><td>{@code SYMDIFF}: symmetric difference between two pairs</td></tr>
 *   <tr><td>4, 5</td><td>{@code OUT}, {@code IN}: whether a shatter query names a card</td></tr>
 *   <tr><td>6 + k</td><td>'*' on attribute {@code k}</td></tr>
 *   <tr><td>6 + A + k V + v</td><td>value {@code v} on attribute {@code k}</td></tr>
 * </table>
 *
 * <p>A key is its card's {@code A} value tokens in attribute order. A query is one of
 *
 * <ul>
 *   <li>a pair, {@code [card 1, joiner, card 2]}, {@code 2A + 1} tokens, where each card is
 *       {@code A} value or '*' tokens in attribute order (games shared-attribute, set, wildcard);
 *   <li>{@code m} SET pairs with an operator between each two, {@code [pair 1, op 1, pair 2, ...,
 *       op m-1, pair m]}, {@code m(2A + 1) + m - 1} tokens (games union, symdiff);
 *   <li>{@code N} membership tokens, {@code IN} or {@code OUT} for card {@code i} at position
 *       {@code i} (game shatter).
 * </ul>
 *
 * <p>So every query of one game has the same length and no padding is needed, and a query names
 * its rule and operators itself: {@link QueryEvaluator} answers it from its tokens alone.
 */
public final class SetVocabulary {
  public static final int SHARES = 0;
  public static final int COMPLETES = 1;
  public static final int UNION = 2;
  public static final int SYMDIFF = 3;
  public static final int OUT = 4;
  public static final int IN = 5;
  private static final int FIRST_WILDCARD = 6;

  private final SetDeck deck;

  public SetVocabulary(SetDeck deck) {
    this.deck = requireNonNull(deck, "deck is null");
  }

  /** Number of distinct tokens. */
  public int size() {
    return firstValue() + deck.attributes() * deck.values();
  }

  public int valueToken(int attribute, int value) {
    return firstValue() + attribute * deck.values() + value;
  }

  public int wildcardToken(int attribute) {
    return FIRST_WILDCARD + attribute;
  }

  /** The tokens of a query card: a value token, or '*' where it holds {@link PairRule#WILDCARD}. */
  public int[] cardTokens(int[] card) {
    int[] tokens = new int[deck.attributes()];
    for (int attribute = 0; attribute < tokens.length; attribute++) {
      tokens[attribute] = card[attribute] == PairRule.WILDCARD
          ? wildcardToken(attribute)
          : valueToken(attribute, card[attribute]);
    }
    return tokens;
  }

  /** The tokens of a key: the card's values. */
  public int[] keyTokens(int card) {
    int[] tokens = new int[deck.attributes()];
    for (int attribute = 0; attribute < tokens.length; attribute++) {
      tokens[attribute] = valueToken(attribute, deck.value(card, attribute));
    }
    return tokens;
  }

  /**
   * What {@code token} at an attribute's place in a query card says: the value, or {@link
   * PairRule#WILDCARD} for '*'.
   *
   * @throws IllegalArgumentException when it is neither a value nor '*' of that attribute
   */
  public int valueAt(int token, int attribute) {
    if (token == wildcardToken(attribute)) {
      return PairRule.WILDCARD;
    }
    int value = token - valueToken(attribute, 0);
    if (value < 0 || value >= deck.values()) {
      throw new IllegalArgumentException(
          "token " + token + " is neither a value nor '*' of attribute " + attribute);
    }
    return value;
  }

  private int firstValue() {
    return FIRST_WILDCARD + deck.attributes();
  }
}
