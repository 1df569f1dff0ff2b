package dev.reckon.tasks.grids;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.tck.PluginContract;
import java.util.Optional;

/** The conformance kit on the grid tasks and their classical references, as on any third party's. */
class GridsContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new GridsPlugin();
  }

  @Override
  protected Optional<ModelFactory> chance() {
    return Optional.of(new UniformGridLabels());
  }
}
