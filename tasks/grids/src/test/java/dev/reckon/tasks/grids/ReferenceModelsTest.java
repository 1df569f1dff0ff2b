package dev.reckon.tasks.grids;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.GridDataset;
import dev.reckon.api.Level;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReferenceModelsTest {
  @Test
  void mazeFrontierSolvesAMazeExactlyWhenItsExpansionsReachTheGoal() {
    MazeTask task = new MazeTask();
    for (Level level : task.levels()) {
      GridDataset data = task.generate(level, level.difficulty() > 33 ? 30 : 100, 8);
      Scored frontier = Scored.of(new MazeFrontierFactory(), Map.of(), task, data);
      int[] distances = Arrays.stream(data.answers())
          .mapToInt(answer -> (int) IntStream.of(answer).filter(label -> label == Maze.ON_PATH).count() - 1).toArray();
      int[] counts = frontier.predictions().iterations();
      assertEquals(MazeFrontierFactory.DEFAULT_MAX_STEPS, counts[counts.length - 1]);
      assertTrue(IntStream.of(counts).anyMatch(k -> k == IntStream.of(distances).max().orElseThrow()),
          "the count that solves every maze is among the counts");
      for (int k : counts) {
        long reached = IntStream.of(distances).filter(distance -> distance <= k).count();
        assertEquals((double) reached / data.size(), frontier.value(MazeTask.PATH_ACCURACY, k),
            level.id() + " at " + k);
      }
      assertEquals(0.0, frontier.value(MazeTask.PATH_ACCURACY, 1), level.id());
      assertEquals(1.0, frontier.value(MazeTask.PATH_ACCURACY, MazeFrontierFactory.DEFAULT_MAX_STEPS), level.id());
      assertNeverFalls(frontier, level, MazeTask.PATH_ACCURACY, MazeTask.CELL_ACCURACY);
    }
  }

  @Test
  void parityRippleKnowsTheFirstKPositionsAfterKSteps() {
    PrefixSumTask task = new PrefixSumTask();
    for (Level level : task.levels()) {
      int n = (int) level.difficulty();
      GridDataset data = task.generate(level, 100, 9);
      Scored ripple = Scored.of(new ParityRippleFactory(), Map.of(), task, data);
      int[] counts = ripple.predictions().iterations();
      assertTrue(IntStream.of(counts).anyMatch(k -> k == n), "the length is among the counts");
      for (int i = 0; i < counts.length; i++) {
        int known = Math.min(counts[i], n);
        for (int example = 0; example < data.size(); example++) {
          int[] labels = ripple.predictions().labels()[i][example];
          assertArrayEquals(Arrays.copyOf(data.answers()[example], known), Arrays.copyOf(labels, known));
          assertTrue(IntStream.range(known, n).allMatch(position -> labels[position] == RunningParity.EVEN));
        }
      }
      assertEquals(0.0, ripple.value(PrefixSumTask.STRING_ACCURACY, 1), level.id());
      assertEquals(1.0, ripple.value(PrefixSumTask.STRING_ACCURACY, n), level.id());
      assertEquals(1.0, ripple.value(PrefixSumTask.STRING_ACCURACY, 512), level.id());
      assertNeverFalls(ripple, level, PrefixSumTask.STRING_ACCURACY, PrefixSumTask.BIT_ACCURACY);
    }
  }

  @Test
  void countsArePowersOfTwoBelowTheMostThenTheMostWithTheCountThatSolvesAll() {
    assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32, 57, 64, 128, 256, 512, 1024, 1680}, StepCounts.of(1680, 57));
    assertArrayEquals(new int[] {1, 2, 4, 8, 16, 24, 32, 64, 128, 256, 512}, StepCounts.of(512, 24));
    assertArrayEquals(new int[] {1, 2, 4, 8, 10}, StepCounts.of(10, 40), "a count beyond the most is left out");
    assertArrayEquals(new int[] {1}, StepCounts.of(1, 1));
    assertEquals(33, StepCounts.of(Integer.MAX_VALUE, 3).length, "31 powers of two, the most and 3");
  }

  @Test
  void aSmallerBudgetStopsShortOfTheGoal() {
    MazeTask task = new MazeTask();
    Scored frontier = Scored.of(new MazeFrontierFactory(), Map.of(StepCounts.MAX_STEPS, 6), task,
        task.generate(task.level("s33"), 20, 3));
    assertArrayEquals(new int[] {1, 2, 4, 6}, frontier.predictions().iterations());
    assertTrue(frontier.value(MazeTask.PATH_ACCURACY, 6) < 1, "a maze of 16 x 16 rooms takes more than 6 steps");
  }

  private static void assertNeverFalls(Scored scored, Level level, String... metrics) {
    for (String metric : metrics) {
      double[] curve = scored.curve(metric);
      for (int i = 1; i < curve.length; i++) {
        assertTrue(curve[i] >= curve[i - 1], metric + " falls on " + level.id() + ": " + Arrays.toString(curve));
      }
    }
  }
}
