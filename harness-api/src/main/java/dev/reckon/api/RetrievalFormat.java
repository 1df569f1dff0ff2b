package dev.reckon.api;

import java.util.Locale;

/**
 * Score every key of one fixed key set against a query: {@link RetrievalDataset} and {@link
 * RetrievalPredictions}.
 *
 * @param keys the number of keys every query is scored against
 * @param vocabulary the number of distinct tokens of queries and keys
 */
public record RetrievalFormat(int keys, int vocabulary) implements Format {
  public static final String ID = "retrieval";

  public RetrievalFormat {
    if (keys < 1 || vocabulary < 1) {
      throw new IllegalArgumentException("keys and vocabulary must be positive, got " + keys + ", " + vocabulary);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "retrieval: %d keys, %d tokens", keys, vocabulary);
  }
}
