package dev.reckon.tasks.sudoku;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Task;
import java.util.List;

/** The sudoku tasks: 4x4, 6x6 and 9x9. */
public final class SudokuPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<Task> tasks() {
    return List.of(SudokuTask.ofSide(4), SudokuTask.ofSide(6), SudokuTask.ofSide(9));
  }
}
