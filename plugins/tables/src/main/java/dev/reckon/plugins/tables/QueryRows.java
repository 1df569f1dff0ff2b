package dev.reckon.plugins.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table's rows: one per distinct query of the training set, in order of first sight. A query
 * is its whole token sequence, so the table reads any retrieval task (on the known joints a query is
 * one token, one x).
 */
final class QueryRows {
  /** The row of a query the table never saw: it has none, and scores every key 0. */
  static final int UNSEEN = -1;

  private final Map<List<Integer>, Integer> rows = new LinkedHashMap<>();

  QueryRows(List<int[]> queries) {
    for (int[] query : queries) {
      rows.putIfAbsent(key(query), rows.size());
    }
  }

  int size() {
    return rows.size();
  }

  /** The row of {@code query}, or {@link #UNSEEN}. */
  int of(int[] query) {
    return rows.getOrDefault(key(query), UNSEEN);
  }

  /** Every row's query, in row order. */
  List<int[]> queries() {
    List<int[]> queries = new ArrayList<>();
    for (List<Integer> query : rows.keySet()) {
      queries.add(query.stream().mapToInt(Integer::intValue).toArray());
    }
    return queries;
  }

  private static List<Integer> key(int[] query) {
    return Arrays.stream(query).boxed().toList();
  }
}
