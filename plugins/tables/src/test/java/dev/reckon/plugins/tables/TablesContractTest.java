package dev.reckon.plugins.tables;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.infonce.InfoNceConvergencePlugin;
import dev.reckon.tck.PluginContract;
import java.util.List;
import java.util.Map;

/** The conformance kit on the three tables, trained a few updates on the known joints. */
class TablesContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new TablePlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    return new InfoNceConvergencePlugin().tasks();
  }

  @Override
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of("updates", 20, "batchSize", 50, "logEvery", 5);
  }
}
