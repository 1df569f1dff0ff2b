package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The leading axis of a seed-batched network: K seeds of one model on one task trained as one
 * network, every weight stacked {@code (K, ...)} and every batch {@code (K, B, ...)}, each seed's
 * slice computed from its own slices alone. The small models here are bound by the count of engine
 * calls, not by their arithmetic, so one call on K seeds' arrays costs little more than on one's.
 *
 * <p>Seed k's initial weights come from its own stream ({@link #stream}), drawn in the network's
 * parameter order, so they are those of the same seed trained alone ({@code K = 1}) whatever the
 * other seeds are.
 */
public final class SeedAxis {
  private final long[] seeds;
  private final SplittableRandom[] streams;

  /** @param seeds the models' seeds, one per slice, in slice order */
  public SeedAxis(long... seeds) {
    requireNonNull(seeds, "seeds is null");
    if (seeds.length == 0) {
      throw new IllegalArgumentException("a seed axis needs at least one seed");
    }
    this.seeds = seeds.clone();
    streams = Arrays.stream(seeds).mapToObj(seed -> new SplittableRandom(seed ^ WEIGHTS)).toArray(SplittableRandom[]::new);
  }

  /** Mixed into a seed for its weights' stream, so the stream differs from the data order's. */
  private static final long WEIGHTS = 0x5EED_A715_0F_3E1CL;

  /** K, the seeds trained at once. */
  public int size() {
    return seeds.length;
  }

  /** The seed of slice {@code k}. */
  public long seed(int k) {
    return seeds[k];
  }

  /** The stream slice {@code k}'s initial weights are drawn from. */
  SplittableRandom stream(int k) {
    return streams[k];
  }
}
