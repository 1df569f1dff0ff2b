package dev.reckon.tasks.sudoku;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import java.util.List;

/** The sudoku tasks: 4x4, 6x6 and 9x9. */
public final class SudokuPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new SudokuTaskFactory(4), new SudokuTaskFactory(6), new SudokuTaskFactory(9));
  }
}
