package dev.reckon.tasks.grids;

import static dev.reckon.tasks.grids.MazeTask.CELL_ACCURACY;
import static dev.reckon.tasks.grids.MazeTask.PATH_ACCURACY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MazeTaskTest {
  private final MazeTask task = new MazeTask();

  @Test
  void levelsBySideWithThreeChannelsInAndTwoLabelsOut() {
    assertEquals(List.of("s9", "s13", "s19", "s25", "s33", "s45", "s59"),
        task.levels().stream().map(Level::id).toList());
    task.levels().forEach(level -> assertEquals(Integer.parseInt(level.id().substring(1)), level.difficulty()));
    assertEquals("9 x 9 cells: 4 x 4 rooms, the walls between and around", task.levels().get(0).description());
    assertEquals(new GridFormat(2, 3, 2), task.format());
    assertEquals(List.of(PATH_ACCURACY, CELL_ACCURACY), task.metrics().stream().map(m -> m.id()).toList());
  }

  @Test
  void anyOddSideFromFiveIsALevelAndOtherIdsAreRefusedWithTheRule() {
    assertEquals(new Level("s21", 21, "21 x 21 cells: 10 x 10 rooms, the walls between and around"),
        task.level("s21"));
    GridDataset smallest = task.generate(task.level("s5"), 3, 1);
    assertEquals(25, smallest.cellCount());
    for (String id : List.of("s8", "s3", "s1", "s10001", "s09", "s", "n9", "9", "s9x")) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> task.level(id));
      assertEquals("no level '" + id + "'; the levels are sN with N odd from 5 to 9999, e.g. s9, s13, s19, s25, "
          + "s33, s45, s59", error.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> task.generate(new Level("s6", 6, "even"), 1, 1));
  }

  /** Perfect: every room open, and k x k - 1 openings joining them all, a tree, so one way between any two. */
  @ParameterizedTest
  @ValueSource(strings = {"s5", "s9", "s19", "s33"})
  void mazesArePerfectWithStartAndGoalTwoDistinctRooms(String id) {
    GridDataset data = task.generate(task.level(id), 100, 4);
    int side = data.columns();
    int k = (side - 1) / 2;
    for (int example = 0; example < data.size(); example++) {
      float[][] cells = data.cells()[example];
      int rooms = 0;
      int openings = 0;
      int starts = 0;
      int goals = 0;
      for (int cell = 0; cell < cells.length; cell++) {
        int row = cell / side;
        int column = cell % side;
        boolean open = cells[cell][Maze.OPEN] == 1f;
        boolean room = row % 2 == 1 && column % 2 == 1;
        rooms += room && open ? 1 : 0;
        openings += !room && open ? 1 : 0;
        assertFalse(open && row % 2 == 0 && column % 2 == 0, "a corner between rooms is open");
        assertFalse(open && (row == 0 || column == 0 || row == side - 1 || column == side - 1),
            "the outer wall is open");
        if (cells[cell][Maze.START] == 1f || cells[cell][Maze.GOAL] == 1f) {
          assertTrue(room && open, "start and goal are rooms");
        }
        starts += (int) cells[cell][Maze.START];
        goals += (int) cells[cell][Maze.GOAL];
      }
      assertEquals(k * k, rooms, id + " example " + example);
      assertEquals(k * k - 1, openings, "a tree of k x k rooms has k x k - 1 openings");
      assertEquals(rooms + openings, reachable(data, example), "every open cell is reachable from the start");
      assertEquals(1, starts);
      assertEquals(1, goals);
      Maze maze = Maze.read(data, example);
      assertNotEquals(maze.start(), maze.goal());
    }
  }

  /** The answer, read from the carving, is the one breadth-first search finds, a simple path from start to goal. */
  @Test
  void theAnswerIsTheShortestPathFromStartToGoal() {
    GridDataset data = task.generate(task.level("s25"), 100, 5);
    for (int example = 0; example < data.size(); example++) {
      int[] answer = data.answers()[example];
      Maze maze = Maze.read(data, example);
      BreadthFirstSearch search = new BreadthFirstSearch(maze);
      assertArrayEquals(search.pathLabels(), answer, "example " + example);
      assertEquals(search.goalDistance() + 1, IntStream.of(answer).filter(l -> l == Maze.ON_PATH).count());
      for (int cell = 0; cell < answer.length; cell++) {
        if (answer[cell] == Maze.ON_PATH) {
          assertTrue(maze.open()[cell]);
          long onPathNeighbours = IntStream.of(maze.openNeighbours(cell)).filter(n -> answer[n] == Maze.ON_PATH)
              .count();
          assertEquals(cell == maze.start() || cell == maze.goal() ? 1 : 2, onPathNeighbours, "a chain, cell " + cell);
        }
      }
    }
  }

  /** Open cells reachable from the start along open side neighbours, counted without the task's own search. */
  private static int reachable(GridDataset data, int example) {
    int side = data.columns();
    float[][] cells = data.cells()[example];
    boolean[] seen = new boolean[cells.length];
    Deque<Integer> todo = new ArrayDeque<>();
    for (int cell = 0; cell < cells.length; cell++) {
      if (cells[cell][Maze.START] == 1f) {
        todo.push(cell);
        seen[cell] = true;
      }
    }
    int count = 0;
    while (!todo.isEmpty()) {
      int cell = todo.pop();
      count++;
      for (int next : new int[] {cell - 1, cell + 1, cell - side, cell + side}) {
        // The outer ring is wall, so an open cell's four neighbours are all on the grid.
        if (cells[next][Maze.OPEN] == 1f && !seen[next]) {
          seen[next] = true;
          todo.push(next);
        }
      }
    }
    return count;
  }
}
