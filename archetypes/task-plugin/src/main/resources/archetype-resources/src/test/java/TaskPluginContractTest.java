package ${package};

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.plugins.baselines.BaselinesPlugin;
import dev.reckon.tck.PluginContract;
import java.util.Optional;

/**
 * Reckon's conformance kit: every property the runner relies on, one test each, with the built-in
 * uniform guesser as the chance the task's solver must beat.
 */
class TaskPluginContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new TaskPlugin();
  }

  @Override
  protected Optional<ModelFactory> chance() {
    return new BaselinesPlugin().models().stream().filter(model -> model.id().equals("uniform")).findFirst();
  }
}
