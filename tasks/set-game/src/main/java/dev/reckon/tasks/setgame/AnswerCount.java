package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.Locale;

/**
 * How many distinct non-empty answer subsets a game's queries can produce, and how that is known.
 *
 * @param count the number, or when {@code exact} is false a lower bound on it
 * @param exact whether {@code count} is the number itself
 * @param how how it was found, one phrase
 */
public record AnswerCount(BigInteger count, boolean exact, String how) {
  public AnswerCount {
    requireNonNull(count, "count is null");
    requireNonNull(how, "how is null");
    if (count.signum() <= 0) {
      throw new IllegalArgumentException("a game has at least one answer, got " + count);
    }
  }

  /** {@code log2(count)}, the leaderboard's difficulty axis. */
  public double log2() {
    // A double holds 53 significant bits; shift larger counts down and add back the shift.
    int shift = Math.max(0, count.bitLength() - 53);
    return shift + Math.log(count.shiftRight(shift).doubleValue()) / Math.log(2);
  }

  /** E.g. {@code 27 = 2^4.75 (exact: ...)} or {@code at least 2^34.58 (lower bound: ...)}. */
  public String summary() {
    return exact
        ? String.format(Locale.ROOT, "%s = 2^%.2f (exact: %s)", count, log2(), how)
        : String.format(Locale.ROOT, "at least %s = 2^%.2f (lower bound: %s)", count, log2(), how);
  }
}
