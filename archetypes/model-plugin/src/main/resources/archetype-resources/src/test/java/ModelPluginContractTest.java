package ${package};

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tck.PluginContract;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Reckon's conformance kit: every property the runner relies on, one test each, on the first task
 * the model supports among those of the task plugin the pom names ({@code testTask.*}; Reckon's
 * sudoku tasks unless you name your own), with a short training so that it takes seconds.
 */
class ModelPluginContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new ModelPlugin();
  }

  /** The tasks of every plugin on the test class path: the task plugin the pom names. */
  @Override
  protected List<TaskFactory> otherTasks() {
    return ServiceLoader.load(ReckonPlugin.class).stream()
        .flatMap(plugin -> plugin.get().tasks().stream())
        .toList();
  }

  @Override
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of(LabelMlpSettings.UPDATES.name(), 20);
  }
}
