package dev.reckon.runner.execution;

import dev.reckon.api.Config;
import java.util.List;
import java.util.Set;

/** Where finished cells go: the run directory's tables, written by the results package. */
public interface CellRecorder {
  /** Cells finished (done or skipped) by this run or an earlier attempt of it. */
  Set<CellKey> finishedCells();

  /** Appends a finished cell, with the settings its model and task ran with and the task's seed. */
  void record(CellOutcome outcome, Config modelConfig, Config taskConfig, long taskSeed);

  /** Keeps the whole stack trace of a failed cell. */
  void logError(CellKey key, String stackTrace);

  /** Puts the finished cells' rows in the plan's order, whatever order they finished in. */
  void putInPlanOrder(List<CellKey> plan);
}
