package dev.reckon.kit;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/** The optimisers the built-in models train with: Adam or AdamW, the step size under a schedule. */
public final class Optimisers {
  private Optimisers() {}

  /** Adam with its step size under {@code schedule} ({@link CosineDecay}, {@link WarmupCosine}). */
  public static Optimizer adam(Tracker schedule) {
    return Optimizer.adam().optLearningRateTracker(schedule).build();
  }

  /** As {@link #adam(Tracker)}, with {@code weightDecay}. */
  public static Optimizer adam(Tracker schedule, double weightDecay) {
    return Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays((float) weightDecay).build();
  }

  /** AdamW (the weight decay decoupled from the gradient) with its step size under {@code schedule}. */
  public static Optimizer adamW(Tracker schedule, double weightDecay) {
    return Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays((float) weightDecay).build();
  }
}
