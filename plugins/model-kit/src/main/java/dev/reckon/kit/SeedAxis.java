package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
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

  /**
   * {@code (K, 1, ..., 1)}: one value per seed against an array of {@code shape}, whose first axis
   * is the seeds.
   */
  public static Shape seedColumn(Shape shape) {
    long[] dimensions = new long[shape.dimension()];
    Arrays.fill(dimensions, 1);
    dimensions[0] = shape.get(0);
    return new Shape(dimensions);
  }

  /**
   * {@code view}, a view of a weight, handed to the manager of {@code input}: an operation's result
   * belongs to its first operand's manager, so a weight's view would otherwise pile up in the
   * model's long-lived manager at every forward pass.
   */
  public static NDArray inScopeOf(NDArray input, NDArray view) {
    view.attach(input.getManager());
    return view;
  }

  /** The stream slice {@code k}'s initial weights are drawn from. */
  SplittableRandom stream(int k) {
    return streams[k];
  }
}
