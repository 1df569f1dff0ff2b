package dev.reckon.api;

import java.util.List;

/** Makes one model variant. Each variant has its own id, e.g. {@code contrastive-d4}. */
public interface ModelFactory {
  /** Unique id across all loaded plugins: letters, digits, {@code . _ -}. */
  String id();

  String version();

  default String description() {
    return "";
  }

  /** The settings the model takes; a suite setting any other name is refused. */
  default List<Setting> settings() {
    return List.of();
  }

  /**
   * Whether this model can be right on the task, decided from its declared {@link Task#format()}
   * before any data is made: decline what you cannot do, with the reason (e.g. a graph built once
   * cannot read a graph per example). Declined cells are skipped, not failed.
   */
  Support supports(Task task);

  /**
   * What one iteration of this model's test-time compute axis is, for the leaderboards, e.g. {@code
   * "one message-passing step"} or {@code "one solver evaluation of the fixed-point map"}: models
   * compared on one axis must say what they count.
   */
  default String iterationMeaning() {
    return "one iteration";
  }

  /** Whether the model learns from a training set; the runner builds one only for those that do. */
  default boolean learns() {
    return false;
  }

  /** A fresh, untrained model for one cell. */
  Model create(ModelContext context);
}
