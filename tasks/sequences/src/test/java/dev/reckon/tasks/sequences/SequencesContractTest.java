package dev.reckon.tasks.sequences;

import dev.reckon.api.ReckonPlugin;
import dev.reckon.tck.PluginContract;

/** The conformance kit on the sequence tasks and their classical references, as on any third party's. */
class SequencesContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new SequencesPlugin();
  }
}
