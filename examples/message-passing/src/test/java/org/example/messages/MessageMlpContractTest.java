package org.example.messages;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.sudoku.SudokuPlugin;
import dev.reckon.tck.PluginContract;
import java.util.List;
import java.util.Map;

/** Reckon's conformance kit on the sudoku tasks, with a short training so that it takes seconds. */
class MessageMlpContractTest extends PluginContract {
  @Override
  protected ReckonPlugin plugin() {
    return new MessagePassingPlugin();
  }

  @Override
  protected List<TaskFactory> otherTasks() {
    return new SudokuPlugin().tasks();
  }

  @Override
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of(MessageMlpSettings.UPDATES.name(), 20, MessageMlpSettings.HIDDEN.name(), 16);
  }
}
