package dev.reckon.plugins.baselines;

import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.setgame.SetGamePlugin;
import dev.reckon.tasks.sudoku.SudokuPlugin;
import dev.reckon.tck.PluginContract;
import java.util.ArrayList;
import java.util.List;

/** The conformance kit on oracle, uniform and propagation, checked on the sudoku and SET tasks. */
class BaselinesContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new BaselinesPlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    List<TaskFactory> tasks = new ArrayList<>(new SudokuPlugin().tasks());
    tasks.addAll(new SetGamePlugin().tasks());
    return tasks;
  }
}
