package dev.reckon.tasks.infonce;

/**
 * The token layout: every joint's x values have tokens of their own, in the order of {@link Joint}
 * (so a query names its joint as well as its x, and the scorer needs no level), then one token per
 * y value, shared by every joint (the keys).
 */
final class Tokens {
  private static final int QUERY_TOKENS = queryTokens();

  private Tokens() {}

  /** The number of distinct tokens: every joint's x values, then the y values. */
  static int vocabulary() {
    return QUERY_TOKENS + keys();
  }

  /** The number of keys, the y values, which every joint shares. */
  static int keys() {
    return Joint.values()[0].ys();
  }

  static int query(Joint joint, int x) {
    return first(joint) + x;
  }

  static int key(int y) {
    return QUERY_TOKENS + y;
  }

  /** The joint a query token belongs to. */
  static Joint joint(int token) {
    for (Joint joint : Joint.values()) {
      if (token >= first(joint) && token < first(joint) + joint.xs()) {
        return joint;
      }
    }
    throw new IllegalArgumentException("token " + token + " is no x value of any joint");
  }

  /** The x value of a query token. */
  static int x(int token) {
    return token - first(joint(token));
  }

  private static int first(Joint joint) {
    int first = 0;
    for (int i = 0; i < joint.ordinal(); i++) {
      first += Joint.values()[i].xs();
    }
    return first;
  }

  private static int queryTokens() {
    int tokens = 0;
    for (Joint joint : Joint.values()) {
      if (joint.ys() != Joint.values()[0].ys()) {
        throw new IllegalStateException("every joint must share the y values, the keys");
      }
      tokens += joint.xs();
    }
    return tokens;
  }
}
