package dev.reckon.api;

/** Makes one model variant. Each variant has its own id, e.g. {@code contrastive-d4}. */
public interface ModelFactory {
  /** Unique id across all loaded plugins. */
  String id();

  String version();

  default String description() {
    return "";
  }

  /** Whether this model can read the task's data; unsupported pairs are skipped, not failed. */
  boolean supports(Task task);

  /** Whether the model learns from a training set; the runner builds one only for those that do. */
  default boolean learns() {
    return false;
  }

  /** A fresh, untrained model for one cell. */
  Model create(ModelContext context);
}
