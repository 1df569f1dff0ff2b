package dev.reckon.plugins.retrieval;

import dev.reckon.api.RetrievalDataset;
import java.util.SplittableRandom;

/**
 * Small games on the 27-card deck (3 attributes, 3 values), built here so the models can be tested
 * without the task plugin. A card's key tokens are one token per (attribute, value): {@code 3k+v}.
 */
final class SetGameFixture {
  static final int CARDS = 27;
  static final int ATTRIBUTES = 3;
  static final int SEPARATOR = 9;
  static final int OUT = 10;
  static final int IN = 11;
  static final int VOCABULARY = 12;

  private SetGameFixture() {}

  /** The SET game: a pair of distinct cards and a separator; the answer is the card completing the set. */
  static RetrievalDataset set(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] queries = new int[count][];
    int[][] answers = new int[count][];
    for (int i = 0; i < count; i++) {
      int a = random.nextInt(CARDS);
      int b = (a + 1 + random.nextInt(CARDS - 1)) % CARDS;
      int[] query = new int[2 * ATTRIBUTES + 1];
      System.arraycopy(tokens(a), 0, query, 0, ATTRIBUTES);
      query[ATTRIBUTES] = SEPARATOR;
      System.arraycopy(tokens(b), 0, query, ATTRIBUTES + 1, ATTRIBUTES);
      queries[i] = query;
      answers[i] = new int[] {completion(a, b)};
    }
    return new RetrievalDataset(VOCABULARY, deck(), queries, answers);
  }

  /** The shatter game: a query marks every card in or out; the answer is the uniformly drawn non-empty subset it marks. */
  static RetrievalDataset shatter(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] queries = new int[count][CARDS];
    int[][] answers = new int[count][];
    for (int i = 0; i < count; i++) {
      int subset;
      do {
        subset = random.nextInt(1 << CARDS);
      } while (subset == 0);
      answers[i] = new int[Integer.bitCount(subset)];
      for (int card = 0, found = 0; card < CARDS; card++) {
        boolean in = (subset >> card & 1) == 1;
        queries[i][card] = in ? IN : OUT;
        if (in) {
          answers[i][found++] = card;
        }
      }
    }
    return new RetrievalDataset(VOCABULARY, deck(), queries, answers);
  }

  static int[][] deck() {
    int[][] deck = new int[CARDS][];
    for (int card = 0; card < CARDS; card++) {
      deck[card] = tokens(card);
    }
    return deck;
  }

  private static int[] tokens(int card) {
    int[] tokens = new int[ATTRIBUTES];
    for (int k = 0; k < ATTRIBUTES; k++) {
      tokens[k] = 3 * k + value(card, k);
    }
    return tokens;
  }

  private static int value(int card, int attribute) {
    return card / (int) Math.pow(3, attribute) % 3;
  }

  private static int completion(int a, int b) {
    int card = 0;
    for (int k = ATTRIBUTES - 1; k >= 0; k--) {
      card = 3 * card + Math.floorMod(-value(a, k) - value(b, k), 3);
    }
    return card;
  }
}
