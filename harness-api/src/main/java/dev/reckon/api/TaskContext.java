package dev.reckon.api;

import static java.util.Objects.requireNonNull;

/**
 * What a task is created with.
 *
 * @param config its settings: every declared setting at the suite's value or its default
 * @param seed the task's own seed, for what training and evaluation share (a fixed map of
 *     cities); data seeds are separate and passed to {@link Task#generate}
 */
public record TaskContext(Config config, long seed) {
  public TaskContext {
    requireNonNull(config, "config is null");
  }
}
