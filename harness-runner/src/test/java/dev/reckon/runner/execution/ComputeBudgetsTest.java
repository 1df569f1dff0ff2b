package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.TrainingLog.CellStoppedException;
import dev.reckon.runner.execution.CellOutcome.Budget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeBudgetsTest {
  private final List<Budget> evaluated = new ArrayList<>();
  private final ComputeBudgets budgets = new ComputeBudgets(List.of(100.0, 200.0, 400.0), evaluated::add);

  @Test
  void eachBudgetIsEvaluatedOnceAtTheFirstUpdateThatReachesIt() {
    for (int update = 1; update <= 10; update++) {
      budgets.reported(update, 50.0 * update);
    }
    assertEquals(List.of(new Budget(100, 2, 100), new Budget(200, 4, 200), new Budget(400, 8, 400)), evaluated);
    assertEquals(500, budgets.total().getAsDouble());
  }

  @Test
  void anUpdateThatJumpsPastBudgetsIsEvaluatedOnceAtTheHighest() {
    budgets.reported(1, 10);
    budgets.reported(2, 250);
    assertEquals(List.of(new Budget(200, 2, 250)), evaluated);
  }

  @Test
  void flopsThatFallOrAreNotFiniteStopTheCell() {
    budgets.reported(1, 150);
    CellStoppedException stop = assertThrows(CellStoppedException.class, () -> budgets.reported(2, 120));
    assertTrue(stop.getMessage().contains("training_flops 120.0 after update 2, after 150.0"), stop.getMessage());
    assertThrows(CellStoppedException.class, () -> budgets.reported(3, Double.NaN));
  }

  @Test
  void aModelThatReportsNoFlopsHasNoTotal() {
    assertTrue(budgets.total().isEmpty());
  }
}
