package dev.reckon.plugins.dtnet;

import dev.reckon.api.Config;
import dev.reckon.api.GridDataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.api.TrainingLog;
import dev.reckon.tasks.grids.GridsPlugin;
import java.util.HashMap;
import java.util.Map;

/** The grid tasks and models made as the runner makes them, and their accuracy. */
final class GridFixtures {
  static final TrainingLog IGNORED = (update, metric, value) -> {};
  static final Task MAZE = task("maze");
  static final Task PREFIX_SUMS = task("prefix-sums");

  private GridFixtures() {}

  private static Task task(String id) {
    TaskFactory factory = new GridsPlugin().tasks().stream().filter(task -> task.id().equals(id)).findFirst()
        .orElseThrow();
    return factory.create(new TaskContext(Config.resolve(factory.settings(), Map.of()), 1));
  }

  static GridDataset generate(Task task, String level, int count, long seed) {
    return (GridDataset) task.generate(task.level(level), count, seed);
  }

  /** A model of {@code factory} at {@code settings}, the rest at the variant's defaults. */
  static Model create(ModelFactory factory, Task task, Map<String, ?> settings, long seed) {
    return factory.create(new ModelContext(task, Config.resolve(factory.settings(), settings), seed, "cpu"));
  }

  static Map<String, Object> with(Map<String, ?> base, Object... overrides) {
    Map<String, Object> settings = new HashMap<>(base);
    for (int i = 0; i < overrides.length; i += 2) {
      settings.put((String) overrides[i], overrides[i + 1]);
    }
    return settings;
  }
}
