package dev.reckon.plugins.transformers;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tck.PluginContract;
import java.util.List;
import java.util.Map;

/** The conformance kit on the three variants, trained a few updates on the copy fixture. */
class TransformersContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new TransformersPlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    return List.of(CopyTask.factory(false));
  }

  @Override
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of("width", 16, "ffnWidth", 32, "updates", 4, "batchSize", 8, "logEvery", 2);
  }
}
