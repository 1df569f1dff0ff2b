package dev.reckon.plugins.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.LabelingDataset;
import dev.reckon.api.Task;
import dev.reckon.plugins.baselines.ConstraintPropagation.Work;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Propagation's budget counts every unit of its work: the rounds before the stall, every round and
 * guess inside the search (failed branches too), so the budget at which a puzzle is first solved is
 * what solving it cost, and a budget of k does no more than k units.
 */
class ConstraintPropagationTest {
  /**
   * A 9x9 puzzle (Arto Inkala's, 2012) that naked and hidden singles cannot finish: search must
   * guess, and propagate after each guess.
   */
  private static final String NEEDS_SEARCH =
      "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4..";

  private final LabelingDataset nine = dataset(9);
  private final ConstraintPropagation solver = new ConstraintPropagation(nine.graph(), 9);

  @Test
  void aPuzzleNeedingSearchIsSolvedAtTheRoundsBeforeTheStallPlusEveryRoundAndGuessOfTheSearch() {
    int[] givens = parse(NEEDS_SEARCH);
    Work work = solver.work(givens, 100_000);
    assertNotNull(work.solution(), "solved with a large budget");
    assertTrue(valid(givens, work.solution()));
    assertTrue(work.guesses() > 0, "singles alone stall on this puzzle");
    assertTrue(work.searchRounds() > work.guesses(), "the search propagates after its guesses: " + work);
    assertEquals(work.roundsBeforeStall() + work.searchRounds() + work.guesses(), work.units());

    int[] budgets = IntStream.rangeClosed(1, work.units() + 10).toArray();
    int[][] outputs = solver.solve(givens, budgets);
    int solvedAt = IntStream.range(0, budgets.length).filter(b -> valid(givens, outputs[b])).map(b -> budgets[b])
        .findFirst().orElse(-1);
    assertEquals(work.units(), solvedAt, "the budget at which it is solved is every unit of its work: " + work);
    assertTrue(solvedAt > work.roundsBeforeStall() + work.guesses(), "rounds inside the search are no longer free");
    for (int b = solvedAt - 1; b < budgets.length; b++) {
      assertTrue(valid(givens, outputs[b]), "solved from then on, at " + budgets[b]);
    }
  }

  @Test
  void oneCallWithManyBudgetsAgreesWithOneCallPerBudget() {
    int[] givens = parse(NEEDS_SEARCH);
    int units = solver.work(givens, 100_000).units();
    // every budget near the start, around the stall and around the solution, and a sample between
    int[] budgets = IntStream.rangeClosed(1, units + 3)
        .filter(k -> k <= 12 || k % 97 == 0 || Math.abs(k - units) <= 3).toArray();
    int[][] together = solver.solve(givens, budgets);
    for (int b = 0; b < budgets.length; b++) {
      assertArrayEquals(solver.solve(givens, new int[] {budgets[b]})[0], together[b], "budget " + budgets[b]);
    }
  }

  @Test
  void aBudgetOneShortOfTheWorkLeavesThePuzzleUnsolved() {
    int[] givens = parse(NEEDS_SEARCH);
    int units = solver.work(givens, 100_000).units();
    Work short1 = solver.work(givens, units - 1);
    assertNull(short1.solution(), "one unit short");
    assertTrue(short1.units() <= units - 1, "never more work than the budget: " + short1);
    assertNotNull(solver.work(givens, units).solution());
  }

  @Test
  void aPuzzlePropagationFinishesAloneCostsItsRounds() {
    LabelingDataset easy = (LabelingDataset) SudokuTask.ofSide(6).generate(SudokuTask.ofSide(6).level("b8"), 20, 3);
    ConstraintPropagation six = new ConstraintPropagation(easy.graph(), 6);
    for (int i = 0; i < easy.size(); i++) {
      Work work = six.work(easy.givens()[i], 1000);
      assertEquals(0, work.guesses() + work.searchRounds(), "8 blanks of 6x6 fall to singles");
      assertArrayEquals(easy.solutions()[i], work.solution());
      int[] solution = easy.solutions()[i];
      assertEquals(work.roundsBeforeStall(), firstSolvedBudget(six, easy.givens()[i], 64,
          grid -> Arrays.equals(grid, solution)));
    }
  }

  @Test
  void theFactorySaysWhatOneIterationIs() {
    String meaning = new PropagationFactory().iterationMeaning();
    assertTrue(meaning.contains("inside the search") && meaning.contains("guess"), meaning);
    assertFalse(meaning.equals(new OracleFactory().iterationMeaning()));
  }

  /** The smallest budget of 1..max whose output is {@code solved}, each budget in a call of its own. */
  private static int firstSolvedBudget(ConstraintPropagation solver, int[] givens, int max, Predicate<int[]> solved) {
    for (int budget = 1; budget <= max; budget++) {
      if (solved.test(solver.solve(givens, new int[] {budget})[0])) {
        return budget;
      }
    }
    return -1;
  }

  private static LabelingDataset dataset(int side) {
    Task task = SudokuTask.ofSide(side);
    return (LabelingDataset) task.generate(task.level(task.levels().get(0).id()), 1, 1);
  }

  private static int[] parse(String puzzle) {
    return puzzle.chars().map(c -> c == '.' ? 0 : c - '0').toArray();
  }

  /** Every row, column and box of a 9x9 grid holds 1..9, and the givens are kept. */
  private static boolean valid(int[] givens, int[] grid) {
    for (int i = 0; i < 81; i++) {
      if (grid[i] < 1 || grid[i] > 9 || (givens[i] != 0 && givens[i] != grid[i])) {
        return false;
      }
    }
    for (int unit = 0; unit < 9; unit++) {
      boolean[][] seen = new boolean[3][10];
      for (int k = 0; k < 9; k++) {
        int row = grid[unit * 9 + k];
        int column = grid[k * 9 + unit];
        int box = grid[(unit / 3 * 3 + k / 3) * 9 + unit % 3 * 3 + k % 3];
        if (seen[0][row] || seen[1][column] || seen[2][box]) {
          return false;
        }
        seen[0][row] = seen[1][column] = seen[2][box] = true;
      }
    }
    return true;
  }
}
