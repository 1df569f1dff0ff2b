package dev.reckon.tasks.infonce;

import dev.reckon.api.ReckonPlugin;
import dev.reckon.tck.PluginContract;

/** The conformance kit on the infonce-convergence task, as on any third party's. */
class InfoNceConvergenceContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new InfoNceConvergencePlugin();
  }
}
