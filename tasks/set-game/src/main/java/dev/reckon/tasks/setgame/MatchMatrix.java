package dev.reckon.tasks.setgame;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The query-by-key match matrix of a game: one 0/1 row per query, a 1 where the key is in the
 * query's answer. Only the distinct rows are kept, in the order first seen: repeating a row
 * changes neither the rank nor the count of distinct answers.
 */
public final class MatchMatrix {
  private final int keys;
  private final Set<BitSet> distinctAnswers = new LinkedHashSet<>();
  private long queries;
  private long emptyAnswers;

  public MatchMatrix(int keys) {
    if (keys < 1) {
      throw new IllegalArgumentException("a match matrix needs at least 1 key, got " + keys);
    }
    this.keys = keys;
  }

  /** Adds the row of one query. */
  public void add(BitSet answer) {
    queries++;
    if (answer.isEmpty()) {
      emptyAnswers++;
    } else if (!distinctAnswers.contains(answer)) {
      distinctAnswers.add((BitSet) answer.clone());
    }
  }

  /** Number of rows added, one per query. */
  public long queries() {
    return queries;
  }

  /** Number of queries whose answer is empty: such queries are never drawn. */
  public long emptyAnswers() {
    return emptyAnswers;
  }

  /** The distinct non-empty answers, in the order first seen. */
  public List<BitSet> distinctAnswers() {
    return distinctAnswers.stream().map(answer -> (BitSet) answer.clone()).toList();
  }

  public int distinctAnswerCount() {
    return distinctAnswers.size();
  }

  /** The exact rank of the matrix (empty rows add nothing to it). */
  public int rank() {
    ExactRank rank = new ExactRank(keys);
    for (BitSet answer : distinctAnswers) {
      if (rank.isFull()) {
        break;
      }
      rank.add(answer);
    }
    return rank.rank();
  }
}
