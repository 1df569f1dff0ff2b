package dev.reckon.tasks.sudoku;

import dev.reckon.api.ReckonPlugin;
import dev.reckon.tck.PluginContract;

/** The conformance kit on the sudoku tasks, as on any third party's. */
class SudokuContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new SudokuPlugin();
  }
}
