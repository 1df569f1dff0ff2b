package dev.reckon.runner.plugins;

import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;

/** A task factory and the plugin it came from; calls into it run in the plugin's class loader. */
public record DiscoveredTask(TaskFactory factory, Plugin plugin) implements Discovered {
  /** The task at these settings, whose every call, like the factory's, runs in the plugin's class loader. */
  public Task create(TaskContext context) {
    return ContextClassLoaders.wrap(Task.class, factory.create(context), plugin.loader());
  }

  public String id() {
    return factory.id();
  }
}
