package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;

/**
 * A drawn query and its answer.
 *
 * @param tokens the query as {@link SetVocabulary} spells it
 * @param answer the cards it names, never empty
 */
public record SetQuery(int[] tokens, BitSet answer) {
  public SetQuery {
    requireNonNull(tokens, "tokens is null");
    requireNonNull(answer, "answer is null");
  }
}
