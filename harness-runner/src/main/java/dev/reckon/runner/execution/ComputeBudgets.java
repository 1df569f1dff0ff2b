package dev.reckon.runner.execution;

import dev.reckon.api.TrainingLog;
import dev.reckon.api.TrainingLog.CellStoppedException;
import dev.reckon.runner.execution.CellOutcome.Budget;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Watches a model's {@link TrainingLog#TRAINING_FLOPS} curve and has it evaluated when the curve
 * reaches each of the suite's compute budgets, so that every model of a task is compared after the
 * same training compute. An update that jumps past several budgets is evaluated once, at the
 * highest of them: no model ever stood at the ones it jumped.
 */
final class ComputeBudgets {
  private final List<Double> budgets;
  private final Consumer<Budget> evaluation;
  private int next;
  private double reported = Double.NaN;

  /** {@code budgets} ascending and positive, as the suite loader checked them. */
  ComputeBudgets(List<Double> budgets, Consumer<Budget> evaluation) {
    this.budgets = List.copyOf(budgets);
    this.evaluation = evaluation;
  }

  /** A model's training FLOPs after {@code update}; they may only grow. */
  void reported(int update, double flops) {
    if (!Double.isFinite(flops) || flops < 0 || flops < reported) {
      throw new CellStoppedException("the model reported " + TrainingLog.TRAINING_FLOPS + " " + flops + " after update "
          + update + (Double.isNaN(reported) ? "" : ", after " + reported) + "; they must be finite, not negative "
          + "and never fall");
    }
    reported = flops;
    int reached = next;
    while (reached < budgets.size() && flops >= budgets.get(reached)) {
      reached++;
    }
    if (reached > next) {
      next = reached;
      evaluation.accept(new Budget(budgets.get(reached - 1), update, flops));
    }
  }

  /** The training FLOPs last reported, if the model reports them. */
  OptionalDouble total() {
    return Double.isNaN(reported) ? OptionalDouble.empty() : OptionalDouble.of(reported);
  }
}
