package ${package};

import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.sudoku.SudokuPlugin;
import dev.reckon.tck.PluginContract;
import java.util.List;

/**
 * Reckon's conformance kit: every property the runner relies on, one test each, on the sudoku
 * tasks. Give a model that trains for long small settings here (override modelSettings).
 */
class ModelPluginContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new ModelPlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    return new SudokuPlugin().tasks();
  }
}
