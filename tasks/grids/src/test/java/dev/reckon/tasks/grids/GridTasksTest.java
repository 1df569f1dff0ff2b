package dev.reckon.tasks.grids;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.GridDataset;
import dev.reckon.api.Level;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What both grid tasks promise: seeded data, a perfect solver, and chance far below it. */
class GridTasksTest {
  static Stream<Supplier<GridTask>> tasks() {
    return Stream.of(MazeTask::new, PrefixSumTask::new);
  }

  @ParameterizedTest
  @MethodSource("tasks")
  void theDataSeedDecidesTheGrids(Supplier<GridTask> make) {
    GridTask task = make.get();
    Level level = task.levels().get(1);
    GridDataset first = task.generate(level, 30, 1);
    GridDataset again = make.get().generate(level, 30, 1);
    assertTrue(Arrays.deepEquals(first.cells(), again.cells()));
    assertArrayEquals(first.answers(), again.answers());
    assertFalse(Arrays.deepEquals(first.cells(), task.generate(level, 30, 2).cells()));
  }

  @ParameterizedTest
  @MethodSource("tasks")
  void theSolverScoresPerfectlyOnEveryListedLevel(Supplier<GridTask> make) {
    GridTask task = make.get();
    for (Level level : task.levels()) {
      Scored solved = Scored.bySolver(task, task.generate(level, 40, 6));
      for (var metric : task.metrics()) {
        assertEquals(1.0, solved.value(metric.id(), 1), task.getClass().getSimpleName() + " " + level.id());
      }
    }
  }

  /** A grid of the easiest level has 16 cells or more: chance gets every one right about once in 65,000 grids. */
  @ParameterizedTest
  @MethodSource("tasks")
  void uniformLabelsGetNoGridRightAndHalfTheCells(Supplier<GridTask> make) {
    GridTask task = make.get();
    Scored guessed = Scored.of(new UniformGridLabels(), Map.of(), task, task.generate(task.levels().get(0), 200, 7));
    assertEquals(0.0, guessed.value(task.metrics().get(0).id(), 1));
    assertEquals(0.5, guessed.value(task.metrics().get(1).id(), 1), 0.02);
  }
}
