package dev.reckon.kit;

import java.util.TreeSet;

/** The iteration counts at which an iterating model reads out its answer at evaluation. */
public final class ReadoutIterations {
  private ReadoutIterations() {}

  /**
   * Ascending: every power of two up to {@code max}, and T, 2T, 4T ({@code trained} and its
   * multiples) and {@code max} itself, so a test-time-compute curve has its points at 1, T, 2T
   * and 4T whatever T is.
   */
  public static int[] upTo(int trained, int max) {
    TreeSet<Integer> counts = new TreeSet<>();
    for (int count = 1; count <= max; count *= 2) {
      counts.add(count);
    }
    for (int multiple : new int[] {1, 2, 4}) {
      if (multiple * trained <= max) {
        counts.add(multiple * trained);
      }
    }
    counts.add(max);
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }
}
