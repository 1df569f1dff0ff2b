package dev.reckon.api;

import java.io.DataOutput;
import java.io.IOException;

/**
 * A set of examples of one task level, in the shape its task's {@link Format} declares.
 *
 * <p>The runner hands every model its own {@link #copy()}, keeps the original for scoring, and
 * checks every {@link Predictions} a model returns with {@link #check} before the task scores it.
 * A new shape implements all of these; the built-in ones are records in this package.
 */
public interface Dataset {
  /** Number of examples. */
  int size();

  /** The same examples with the answers removed: what a model is shown at evaluation. */
  Dataset withoutAnswers();

  /** False for a dataset made by {@link #withoutAnswers()}. */
  boolean hasAnswers();

  /** A deep copy: changing it, or any array read from it, leaves this dataset as it was. */
  Dataset copy();

  /**
   * Checks that {@code predictions} answer these examples in this shape: the right type, one
   * output per example and iteration count, sizes and value ranges. The runner has already
   * checked the iteration counts.
   *
   * @throws IllegalArgumentException naming the first rule broken, e.g. {@code "label 7 of node 3
   *     of example 12 at 4 iterations is outside 1..4"}
   */
  void check(Predictions predictions);

  /**
   * Writes these examples, answers included, as bytes that identify them: the same examples give
   * the same bytes on any machine, different examples different bytes. The runner records the
   * sha256 of these bytes for every training and evaluation set a cell generates (its data
   * provenance), and compares two runs' outcomes example by example only where their evaluation
   * sets' sha256 agree. The built-in datasets define it (each array behind its length, numbers
   * big-endian, a float as its IEEE bits); a dataset of a new shape may.
   *
   * @return false, having written nothing, for a dataset that defines no such form (the default):
   *     its cells record no sha256, and their outcomes are paired on the word of the seeds alone
   */
  default boolean writeCanonical(DataOutput out) throws IOException {
    return false;
  }
}
