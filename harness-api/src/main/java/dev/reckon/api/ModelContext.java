package dev.reckon.api;

import static java.util.Objects.requireNonNull;

/**
 * What a model is created with.
 *
 * @param task the task it will be trained and evaluated on
 * @param config its settings from the suite
 * @param seed the seed for its own randomness (initial weights, batch order, sampling)
 * @param device where to compute, in DJL's device-name form: {@code cpu} or {@code gpu0}; pass it
 *     to {@code ai.djl.Device.fromName}
 */
public record ModelContext(Task task, Config config, long seed, String device) {
  public ModelContext {
    requireNonNull(task, "task is null");
    requireNonNull(config, "config is null");
    requireNonNull(device, "device is null");
  }
}
