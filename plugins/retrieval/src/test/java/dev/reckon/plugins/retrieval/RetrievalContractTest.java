package dev.reckon.plugins.retrieval;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.setgame.SetGamePlugin;
import dev.reckon.tck.PluginContract;
import java.util.List;
import java.util.Map;

/** The conformance kit on every dual encoder and the cross-encoder, trained a few updates on a SET game. */
class RetrievalContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new RetrievalPlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    return new SetGamePlugin().tasks();
  }

  @Override
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of("width", 16, "layers", 1, "heads", 2, "updates", 4, "batchSize", 8, "logEvery", 1, "warmup", 1);
  }
}
