package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * Mini-batches of example indices: the examples are shuffled and dealt out in order, and
 * reshuffled when they run out, so every example is seen once an epoch. A batch that straddles
 * two epochs takes its rest from the next shuffle.
 */
public final class BatchSampler {
  private final int[] order;
  private final int batchSize;
  private final SplittableRandom random;
  private int position;

  public BatchSampler(int examples, int batchSize, SplittableRandom random) {
    if (examples <= 0 || batchSize <= 0) {
      throw new IllegalArgumentException("need examples and a batch size, got " + examples + " and " + batchSize);
    }
    this.order = new int[examples];
    for (int i = 0; i < examples; i++) {
      order[i] = i;
    }
    this.batchSize = batchSize;
    this.random = requireNonNull(random, "random is null");
    this.position = examples;
  }

  /** The next {@code batchSize} example indices. */
  public int[] next() {
    int[] batch = new int[batchSize];
    for (int b = 0; b < batchSize; b++) {
      batch[b] = nextExample();
    }
    return batch;
  }

  /**
   * The next example index alone: for a batch whose examples each draw more from the same
   * generator in turn (e.g. one key of a retrieval example's answer), which {@link #next} would
   * draw only after the batch's shuffle.
   */
  public int nextExample() {
    if (position == order.length) {
      shuffle();
      position = 0;
    }
    return order[position++];
  }

  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
