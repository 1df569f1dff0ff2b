package dev.reckon.kit;

import ai.djl.training.tracker.Tracker;

/**
 * A step size on a half cosine from {@code start} at the first update to {@code end} at the last,
 * either way: DJL's cosine tracker only decays, and a schedule that rises is how a test drives a
 * trained network into a collapse.
 */
public final class CosineDecay implements Tracker {
  private final double start;
  private final double end;
  private final int updates;

  public CosineDecay(double start, double end, int updates) {
    if (updates <= 0) {
      throw new IllegalArgumentException("a schedule needs updates, got " + updates);
    }
    this.start = start;
    this.end = end;
    this.updates = updates;
  }

  /** The rate for the {@code update}-th update. */
  @Override
  public float getNewValue(int update) {
    return (float) (end + (start - end) * (1 + Math.cos(Math.PI * Math.min(update, updates) / updates)) / 2);
  }
}
