package dev.reckon.api;

import static java.util.Objects.requireNonNull;

/**
 * A model's answer to "can you do this task?", decided from the task's declared {@link Format}
 * before any data is made. A declined cell is listed as skipped with the reason.
 *
 * @param supported whether the model runs on the task
 * @param reason why not, one line naming what the model lacks; empty when supported
 */
public record Support(boolean supported, String reason) {
  private static final Support YES = new Support(true, "");

  public Support {
    requireNonNull(reason, "reason is null");
    if (!supported && reason.isBlank()) {
      throw new IllegalArgumentException("a declined task needs a reason");
    }
  }

  public static Support yes() {
    return YES;
  }

  /** Declines, e.g. {@code no("reads labelling tasks on one shared graph; this one has a graph per example")}. */
  public static Support no(String reason) {
    return new Support(false, reason);
  }
}
