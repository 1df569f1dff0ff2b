package dev.reckon.tasks.setgame;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The games played on a deck: each maps a query to a non-empty subset of the cards. */
public enum SetGame {
  SHARED_ATTRIBUTE("shared-attribute",
      "a pair of distinct cards; the keys holding an attribute value the two share"),
  SET("set", "a pair of distinct cards; the card completing their SET"),
  WILDCARD("wildcard", "a SET pair whose cards may hold '*'; the cards completing it, free where '*' is"),
  UNION("union", "%d wildcard SET pairs joined by union"),
  SYMDIFF("symdiff", "%d wildcard SET pairs joined by union or symmetric difference, left to right"),
  SHATTER("shatter", "a uniformly random non-empty subset of the deck, spelled card by card");

  private final String id;
  private final String description;

  SetGame(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The name on the command line and in results, e.g. {@code shared-attribute}. */
  public String id() {
    return id;
  }

  /** What a query is and what it names, for a union or symdiff query of {@code pairs} pairs. */
  public String description(int pairs) {
    return String.format(Locale.ROOT, description, pairs);
  }

  /** Whether a query is one pair of cards (so all its queries can be listed). */
  public boolean isPair() {
    return this == SHARED_ATTRIBUTE || this == SET || this == WILDCARD;
  }

  /** Whether a query is {@code m} pairs joined by operators. */
  public boolean isComposite() {
    return this == UNION || this == SYMDIFF;
  }

  /** Whether its pairs follow the SET rule, which needs at least 3 values per attribute. */
  public boolean usesSetRule() {
    return this != SHARED_ATTRIBUTE && this != SHATTER;
  }

  /** Throws when the game cannot be played on {@code deck}: SET games need 3 values or more. */
  public void requirePlayableOn(SetDeck deck) {
    if (usesSetRule() && deck.values() < 3) {
      throw new IllegalArgumentException("game " + id + " needs at least 3 values per attribute (three cards"
          + " cannot be all different among " + deck.values() + "), got a " + deck);
    }
  }

  /** The game named {@code id}; an unknown id throws, listing the games. */
  public static SetGame byId(String id) {
    return Arrays.stream(values())
        .filter(game -> game.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no SET game '" + id + "'; the games are "
            + Arrays.stream(values()).map(SetGame::id).collect(Collectors.joining(", "))));
  }
}
