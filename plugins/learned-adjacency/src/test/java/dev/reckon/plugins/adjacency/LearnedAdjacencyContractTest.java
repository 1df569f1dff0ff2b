package dev.reckon.plugins.adjacency;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.sudoku.SudokuPlugin;
import dev.reckon.tck.PluginContract;
import java.util.List;
import java.util.Map;

/** The conformance kit on learned-adjacency, trained a few updates on 4x4 sudoku. */
class LearnedAdjacencyContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new LearnedAdjacencyPlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    return new SudokuPlugin().tasks();
  }

  @Override
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of("hidden", 16, "steps", 2, "updates", 4, "batchSize", 8, "logEvery", 1, "evalEvery", 2,
        "neighbours", 4, "samplerWidth", 8);
  }
}
