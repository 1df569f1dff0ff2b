package dev.reckon.tasks.sudoku;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.reckon.api.LabelingDataset;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SudokuGeneratorTest {
  @ParameterizedTest
  @ValueSource(ints = {4, 6, 9})
  void everyPuzzleHasExactlyOneSolutionAndTheAskedBlanks(int side) {
    SudokuTask task = SudokuTask.ofSide(side);
    SudokuSolver solver = new SudokuSolver(SudokuShape.ofSide(side));
    var level = task.levels().get(task.levels().size() - 2);
    LabelingDataset data = task.generate(level, 20, 7);
    for (int p = 0; p < data.size(); p++) {
      int[] givens = data.givens()[p];
      assertEquals(level.difficulty(), IntStream.of(givens).filter(v -> v == 0).count(), 0.0);
      assertEquals(1, solver.countSolutions(givens, 2));
      assertArrayEquals(data.solutions()[p], solver.solve(givens));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 9})
  void minimalPuzzlesHaveNoRemovableGiven(int side) {
    SudokuTask task = SudokuTask.ofSide(side);
    SudokuSolver solver = new SudokuSolver(SudokuShape.ofSide(side));
    LabelingDataset data = task.generate(task.level("minimal"), 5, 11);
    for (int[] givens : data.givens()) {
      assertEquals(1, solver.countSolutions(givens, 2));
      for (int cell = 0; cell < givens.length; cell++) {
        if (givens[cell] != 0) {
          int[] fewer = givens.clone();
          fewer[cell] = 0;
          assertEquals(2, solver.countSolutions(fewer, 2), "cell " + cell + " could still go");
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSamePuzzlesAndAnotherSeedOthers() {
    SudokuTask task = SudokuTask.ofSide(6);
    LabelingDataset a = task.generate(task.level("b12"), 30, 42);
    LabelingDataset b = task.generate(task.level("b12"), 30, 42);
    LabelingDataset c = task.generate(task.level("b12"), 30, 43);
    assertArrayEquals(a.givens(), b.givens());
    assertArrayEquals(a.solutions(), b.solutions());
    assertFalse(Arrays.deepEquals(a.givens(), c.givens()));
  }

  @Test
  void aSudokuCellHasItsRowColumnAndBoxAsNeighbours() {
    assertEquals(20, SudokuShape.ofSide(9).graph().neighbours(40).length);
    assertEquals(12, SudokuShape.ofSide(6).graph().neighbours(0).length);
    assertEquals(7, SudokuShape.ofSide(4).graph().neighbours(5).length);
    assertEquals(81 * 20, SudokuShape.ofSide(9).graph().edgeSources().length);
  }

  @Test
  void levelsGrowHarder() {
    var levels = SudokuTask.ofSide(9).levels();
    for (int i = 1; i < levels.size(); i++) {
      assertNotEquals(levels.get(i - 1).id(), levels.get(i).id());
      assertEquals(true, levels.get(i).difficulty() > levels.get(i - 1).difficulty(), levels.toString());
    }
  }
}
