package dev.reckon.runner.execution;

import dev.reckon.api.TrainingLog;
import dev.reckon.runner.execution.CellOutcome.CurvePoint;
import dev.reckon.tck.BoundaryRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A cell's {@link TrainingLog}: keeps the curve, watches it for a collapse ({@link
 * CollapseDetector}), has the model evaluated at the compute budgets ({@link ComputeBudgets}),
 * feeds the progress display, and stops the cell on a NaN loss or when its
 * time is up (the model gets the exception at its next report). A curve under a name that is not
 * safe is refused and remembered ({@link #violation}): a model that swallows the exception still
 * fails its cell.
 */
final class CellTrainingLog implements TrainingLog {
  private final String model;
  private final List<CurvePoint> curve = new ArrayList<>();
  private final CollapseDetector collapses = new CollapseDetector();
  private final TrainingProgress progress;
  private final long deadlineNanos;
  private final long startNanos = System.nanoTime();
  private ComputeBudgets budgets = new ComputeBudgets(List.of(), budget -> {});
  private BoundaryRules.Violation violation;

  CellTrainingLog(String model, TrainingProgress progress, long deadlineNanos) {
    this.model = model;
    this.progress = progress;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public synchronized void record(int update, String metric, double value) {
    try {
      BoundaryRules.checkCurve(model, metric);
    } catch (BoundaryRules.Violation e) {
      violation = violation == null ? e : violation;
      throw e;
    }
    curve.add(new CurvePoint(update, metric, value, (System.nanoTime() - startNanos) / 1e9));
    if (collapses.observe(update, metric, value).isPresent() && !Double.isFinite(value)) {
      throw new CellStoppedException(collapses.result().orElseThrow().toString());
    }
    if (metric.equals(TRAINING_FLOPS)) {
      budgets.reported(update, value);
    }
    checkDeadline();
  }

  /** Has the model evaluated at the suite's compute budgets, as its training FLOPs reach them. */
  synchronized void evaluateAt(ComputeBudgets budgets) {
    this.budgets = budgets;
  }

  /** The training FLOPs the model reported in all, if it reports them. */
  synchronized OptionalDouble trainingFlops() {
    return budgets.total();
  }

  /** Records a point the harness measured, at the last update the model reported. */
  synchronized void recordAtLastUpdate(String metric, double value) {
    int last = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).update();
    curve.add(new CurvePoint(last, metric, value, (System.nanoTime() - startNanos) / 1e9));
  }

  /** The training collapse seen in the curves, if any, with the update where it began. */
  synchronized Optional<TrainingCollapse> collapse() {
    return collapses.result();
  }

  @Override
  public void progress(int done, int total) {
    progress.training(done, total);
    checkDeadline();
  }

  void checkDeadline() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new CellStoppedException("stopped at the cell time limit");
    }
  }

  /** The first curve name the model broke the rules with, if any: its cell fails for it. */
  synchronized Optional<BoundaryRules.Violation> violation() {
    return Optional.ofNullable(violation);
  }

  synchronized List<CurvePoint> curve() {
    return List.copyOf(curve);
  }
}
