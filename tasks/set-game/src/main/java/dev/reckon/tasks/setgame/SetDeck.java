package dev.reckon.tasks.setgame;

import java.util.Locale;

/**
 * A deck of {@code values^attributes} cards: one card for every choice of a value on each
 * attribute. The 27-card deck has 3 attributes of 3 values, the 81-card deck (the card game) 4.
 *
 * <p>Cards are numbered by their values read as a base-{@code values} number, attribute 0 the
 * most significant digit, so card 0 holds value 0 everywhere and the numbering is the same on
 * every machine.
 */
public final class SetDeck {
  /**
   * The largest deck. A shatter query spells out every card and the analysis builds query-by-key
   * matrices, so both grow with the deck; 1024 covers every deck of the seed with room to spare.
   */
  public static final int MAX_CARDS = 1024;

  private final int attributes;
  private final int values;
  private final int[][] cardValues;

  public SetDeck(int attributes, int values) {
    if (attributes < 1) {
      throw new IllegalArgumentException("a deck needs at least 1 attribute, got " + attributes);
    }
    if (values < 2) {
      throw new IllegalArgumentException("a deck needs at least 2 values per attribute, got " + values);
    }
    double size = Math.pow(values, attributes);
    if (size > MAX_CARDS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a deck of %d attributes x %d values has %.0f cards, more than the %d supported",
          attributes, values, size, MAX_CARDS));
    }
    this.attributes = attributes;
    this.values = values;
    this.cardValues = new int[(int) size][attributes];
    for (int card = 0; card < cardValues.length; card++) {
      int rest = card;
      for (int attribute = attributes - 1; attribute >= 0; attribute--) {
        cardValues[card][attribute] = rest % values;
        rest /= values;
      }
    }
  }

  public int attributes() {
    return attributes;
  }

  public int values() {
    return values;
  }

  /** Number of cards, {@code values^attributes}. */
  public int size() {
    return cardValues.length;
  }

  /** The value card {@code card} holds on {@code attribute}. */
  public int value(int card, int attribute) {
    return cardValues[card][attribute];
  }

  /** The card holding {@code valuesByAttribute[k]} on every attribute {@code k}. */
  public int card(int... valuesByAttribute) {
    if (valuesByAttribute.length != attributes) {
      throw new IllegalArgumentException(
          "a card of this deck has " + attributes + " values, got " + valuesByAttribute.length);
    }
    int card = 0;
    for (int value : valuesByAttribute) {
      if (value < 0 || value >= values) {
        throw new IllegalArgumentException("value " + value + " is outside 0.." + (values - 1));
      }
      card = card * values + value;
    }
    return card;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d-card deck (%d attributes x %d values)", size(), attributes, values);
  }
}
