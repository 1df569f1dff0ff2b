package dev.reckon.tasks.sudoku;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.Locale;

/**
 * The Sudoku task of one side. It takes no settings, and its task seed is unused: every puzzle
 * comes from the data seed alone.
 */
final class SudokuTaskFactory implements TaskFactory {
  private final SudokuShape shape;

  /** For side 4, 6 or 9. */
  SudokuTaskFactory(int side) {
    this.shape = SudokuShape.ofSide(side);
  }

  @Override
  public String id() {
    return "sudoku-" + shape.side() + "x" + shape.side();
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "%dx%d Sudoku with %dx%d boxes, unique solutions; levels by blanks",
        shape.side(), shape.side(), shape.boxRows(), shape.boxCols());
  }

  @Override
  public Task create(TaskContext context) {
    requireNonNull(context, "context is null");
    return SudokuTask.ofSide(shape.side());
  }
}
