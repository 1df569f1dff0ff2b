package dev.reckon.tasks.grids;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import java.util.stream.IntStream;

/**
 * The iteration counts a classical reference predicts at, and its setting for the most: 1, 2, 4,
 * ... below the most; the most itself, the budget the leaderboards read every level at; and the
 * count at which every example of the data is solved, when within the most, so that the curve
 * shows where it reaches the top.
 */
final class StepCounts {
  static final String MAX_STEPS = "maxSteps";

  private StepCounts() {}

  /**
   * The setting {@value #MAX_STEPS}.
   *
   * @param steps what is counted, e.g. "frontier expansions"
   * @param why what the default achieves, e.g. "solves every string of the longest listed level"
   */
  static Setting setting(int defaultValue, String steps, String why) {
    return Setting.integer(MAX_STEPS, defaultValue, "the largest number of " + steps + "; predictions at 1, 2, 4, "
        + "... below it, at it, and at the count that solves every example if below it; the default " + why);
  }

  /** The setting's value, refused below 1. */
  static int maxSteps(Config config) {
    int maxSteps = config.getInt(MAX_STEPS);
    if (maxSteps < 1) {
      throw new IllegalArgumentException("setting '" + MAX_STEPS + "' must be at least 1, got " + maxSteps);
    }
    return maxSteps;
  }

  /** The counts up to {@code maxSteps}, with {@code solvesAll} among them when within it; ascending. */
  static int[] of(int maxSteps, int solvesAll) {
    // Doubling past the largest int wraps to a negative count, which ends the powers too.
    IntStream powers = IntStream.iterate(1, count -> count > 0 && count < maxSteps, count -> count * 2);
    return IntStream.concat(powers, IntStream.of(maxSteps, solvesAll)).filter(count -> count >= 1 && count <= maxSteps)
        .sorted().distinct().toArray();
  }
}
