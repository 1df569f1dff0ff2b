package dev.reckon.tasks.sudoku;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

class SudokuScoringTest {
  private final SudokuTask task = SudokuTask.ofSide(4);
  private final LabelingDataset data = task.generate(task.level("b6"), 50, 3);

  @Test
  void theReferenceSolverScoresPerfectly() {
    var solved = task.referenceSolver().orElseThrow().solve(data.withoutAnswers());
    data.check(solved);
    List<Score> scores = task.score(data, solved);
    assertEquals(1.0, value(scores, "puzzle_accuracy"));
    assertEquals(1.0, value(scores, "cell_accuracy"));
    assertEquals(0.0, value(scores, "violation_rate"));
  }

  @Test
  void blanksLeftEmptyAreWrongAndViolations() {
    List<Score> scores = task.score(data, new LabelingPredictions(new int[] {1}, new int[][][] {data.givens()}));
    assertEquals(0.0, value(scores, "puzzle_accuracy"));
    assertEquals(0.0, value(scores, "cell_accuracy"));
    assertEquals(1.0, value(scores, "violation_rate"));
  }

  @Test
  void oneWrongCellLosesThePuzzleButNotTheOtherCells() {
    int[][] answers = data.solutions().clone();
    int[] wrong = answers[0].clone();
    int blank = 0;
    while (data.givens()[0][blank] != 0) {
      blank++;
    }
    wrong[blank] = wrong[blank] % 4 + 1;
    answers[0] = wrong;
    List<Score> scores = task.score(data, new LabelingPredictions(new int[] {3}, new int[][][] {answers}));
    assertEquals(49 / 50.0, value(scores, "puzzle_accuracy"));
    assertEquals(1 - 1 / 300.0, value(scores, "cell_accuracy"), 1e-12);
    assertEquals(1 / 50.0, value(scores, "violation_rate"));
    assertEquals(3, scores.get(0).iterations());
  }

  private static double value(List<Score> scores, String metric) {
    return scores.stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow().value();
  }
}
