package dev.reckon.runner.execution;

import dev.reckon.runner.execution.CellOutcome.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the cells of a plan, {@code jobs} at a time, each in its own process, and stores each as
 * soon as every cell before it in the plan is stored: the run directory's rows come in plan order
 * whatever the number of jobs, so runs at one seed give identical tables.
 */
public final class RunExecutor {
  /** How many cells ended in each status, counting cells reused from an earlier attempt as reused. */
  public record Summary(Map<Status, Integer> counts, int reused) {
    public int failed() {
      return counts.getOrDefault(Status.FAILED, 0);
    }
  }

  public Summary execute(List<PlannedCell> cells, CellRecorder store, CellProcess process, RunProgress progress,
      int jobs) {
    Set<CellKey> finished = store.finishedCells();
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    int reused = 0;
    List<PlannedCell> toRun = new ArrayList<>();
    for (PlannedCell cell : cells) {
      if (finished.contains(cell.key())) {
        reused++;
        progress.cellReused(cell.key());
      } else {
        toRun.add(cell);
      }
    }
    ExecutorService workers = Executors.newFixedThreadPool(jobs, runnable -> {
      Thread thread = new Thread(runnable, "cell-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<CellResult>> results = new ArrayList<>();
      for (PlannedCell cell : toRun) {
        results.add(workers.submit(() -> {
          progress.cellStarted(cell.key());
          CellResult result = process.run(cell, (done, total) -> progress.training(cell.key(), done, total));
          progress.cellFinished(result.outcome());
          return result;
        }));
      }
      for (int i = 0; i < toRun.size(); i++) {
        PlannedCell cell = toRun.get(i);
        CellResult result = await(results.get(i));
        store.record(result.outcome(), cell.config(), cell.taskConfig(), cell.taskSeed());
        if (result.error() != null) {
          store.logError(cell.key(), result.error());
        }
        counts.merge(result.outcome().status(), 1, Integer::sum);
      }
    } finally {
      workers.shutdownNow();
    }
    return new Summary(counts, reused);
  }

  private static CellResult await(Future<CellResult> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while cells were running", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a cell's process could not be run: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The default number of cells at once: the cores, divided by the engine threads each cell's process uses. */
  public static int defaultJobs() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, CellProcess.engineThreads()));
  }
}
