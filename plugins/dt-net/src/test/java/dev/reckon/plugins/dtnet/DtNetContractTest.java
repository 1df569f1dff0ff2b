package dev.reckon.plugins.dtnet;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.grids.GridsPlugin;
import dev.reckon.tck.PluginContract;
import java.util.List;
import java.util.Map;

/**
 * The conformance kit on the three variants, trained a few updates on the grid tasks (mazes and
 * prefix sums): among its checks, the same seed gives the same predictions and a model loaded
 * from its checkpoint predicts as the one that saved it, on strings and on grids.
 */
class DtNetContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new DtNetPlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    return new GridsPlugin().tasks();
  }

  @Override
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of("width", 4, "trainedIterations", 2, "maxIterations", 5, "updates", 3, "batchSize", 4,
        "logEvery", 1, "evalEvery", 2);
  }
}
