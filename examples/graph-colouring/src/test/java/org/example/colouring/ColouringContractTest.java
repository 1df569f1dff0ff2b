package org.example.colouring;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.plugins.baselines.BaselinesPlugin;
import dev.reckon.tck.PluginContract;
import java.util.Optional;

/** Reckon's conformance kit on the colouring task, its solver against the built-in uniform guesser. */
class ColouringContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new ColouringPlugin();
  }

  @Override
  protected Optional<ModelFactory> chance() {
    return new BaselinesPlugin().models().stream().filter(model -> model.id().equals("uniform")).findFirst();
  }
}
