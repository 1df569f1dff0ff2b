package dev.reckon.runner.plugins;

import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.nio.file.Path;

/**
 * A loaded task factory, its description, and its plugin's class loader: calls into it run in
 * that class loader.
 */
public record DiscoveredTask(TaskFactory factory, DescribedTask described, ClassLoader loader) implements Discovered {
  /** The task at these settings, whose every call, like the factory's, runs in the plugin's class loader. */
  public Task create(TaskContext context) {
    return ContextClassLoaders.wrap(Task.class, factory.create(context), loader);
  }

  public String id() {
    return described.id();
  }

  @Override
  public Path plugin() {
    return described.plugin();
  }
}
