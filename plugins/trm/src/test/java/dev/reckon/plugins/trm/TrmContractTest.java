package dev.reckon.plugins.trm;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.sudoku.SudokuPlugin;
import dev.reckon.tck.PluginContract;
import java.util.List;
import java.util.Map;

/** The conformance kit on the trm, trained a few updates (two batches of two supervision steps) on 4x4 sudoku. */
class TrmContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new TrmPlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    return new SudokuPlugin().tasks();
  }

  @Override
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of("hidden", 16, "latentSteps", 1, "recursions", 2, "supervisionSteps", 2, "updates", 4, "batchSize",
        8, "warmup", 1, "logEvery", 1, "evalEvery", 2);
  }
}
