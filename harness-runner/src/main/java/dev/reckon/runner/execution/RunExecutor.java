package dev.reckon.runner.execution;

import dev.reckon.runner.execution.CellOutcome.Status;
import dev.reckon.runner.results.RunStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the cells of a plan one after another, storing each as it finishes. */
public final class RunExecutor {
  /** How many cells ended in each status, counting cells reused from an earlier attempt as reused. */
  public record Summary(Map<Status, Integer> counts, int reused) {
    public int failed() {
      return counts.getOrDefault(Status.FAILED, 0);
    }
  }

  public Summary execute(List<PlannedCell> cells, RunStore store, CellRunner runner, RunProgress progress) {
    Set<CellKey> finished = store.finishedCells();
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    int reused = 0;
    for (PlannedCell cell : cells) {
      if (finished.contains(cell.key())) {
        reused++;
        progress.cellReused(cell.key());
        continue;
      }
      progress.cellStarted(cell.key());
      CellRunner.Result result = runner.run(cell);
      store.record(result.outcome(), cell.config());
      if (result.error() != null) {
        store.logError(cell.key(), result.error());
      }
      counts.merge(result.outcome().status(), 1, Integer::sum);
      progress.cellFinished(result.outcome());
    }
    return new Summary(counts, reused);
  }
}
