package dev.reckon.kit;

import ai.djl.training.tracker.Tracker;

/**
 * Linear warm-up to the peak rate, then a cosine decay to a twentieth of it at the last update.
 * The research note: harder games want gentler schedules, and the cosine tail helped models out of
 * local minima.
 */
public final class WarmupCosine implements Tracker {
  private final float peak;
  private final int warmup;
  private final int updates;

  public WarmupCosine(double peak, int warmup, int updates) {
    this.peak = (float) peak;
    this.warmup = Math.min(warmup, updates);
    this.updates = updates;
  }

  /** The rate for the {@code update}-th update, counted from 1. */
  @Override
  public float getNewValue(int update) {
    if (update <= warmup) {
      return peak * update / warmup;
    }
    float floor = peak / 20;
    double progress = Math.min(1.0, (update - warmup) / (double) Math.max(1, updates - warmup));
    return (float) (floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }
}
