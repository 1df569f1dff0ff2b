package dev.reckon.api;

import java.util.List;

/**
 * Makes a task from its settings and seed. A suite entry configures it ({@code config} on a task
 * entry); the runner resolves the settings against {@link #settings()} first.
 */
public interface TaskFactory {
  /** Unique id across all loaded plugins, e.g. {@code sudoku-6x6}: letters, digits, {@code . _ -}. */
  String id();

  /** Bump whenever generated data or scores would change. */
  String version();

  default String description() {
    return "";
  }

  /** The settings the task takes; a suite setting any other name is refused. */
  default List<Setting> settings() {
    return List.of();
  }

  /** The task at these settings; called again for each run seed. */
  Task create(TaskContext context);
}
