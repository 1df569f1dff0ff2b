package dev.reckon.tasks.setgame;

import dev.reckon.api.ReckonPlugin;
import dev.reckon.tck.PluginContract;

/** The conformance kit on the SET games, as on any third party's. */
class SetGameContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new SetGamePlugin();
  }
}
