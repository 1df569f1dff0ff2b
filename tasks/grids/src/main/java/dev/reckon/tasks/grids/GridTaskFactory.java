package dev.reckon.tasks.grids;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.function.Supplier;

/**
 * A grid task by id. The tasks take no settings, and their task seed is unused: every grid comes
 * from the data seed alone.
 *
 * @param id the task's id
 * @param version bumped whenever the task's data or scores would change
 * @param description one line for people
 * @param task makes the task
 */
record GridTaskFactory(String id, String version, String description, Supplier<GridTask> task)
    implements TaskFactory {
  GridTaskFactory {
    requireNonNull(task, "task is null");
  }

  @Override
  public GridTask create(TaskContext context) {
    return task.get();
  }
}
