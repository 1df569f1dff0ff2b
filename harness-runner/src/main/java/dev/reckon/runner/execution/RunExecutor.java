package dev.reckon.runner.execution;

import dev.reckon.runner.execution.CellOutcome.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the cells of a plan, {@code jobs} at a time, each in its own process, the costliest first;
 * each is stored as soon as it finishes, and at the end the tables are put in plan order: a run's
 * rows do not depend on the number of jobs or on which cell finished first.
 */
public final class RunExecutor {
  /** How many cells ended in each status, counting cells reused from an earlier attempt as reused. */
  public record Summary(Map<Status, Integer> counts, int reused) {
    public int failed() {
      return counts.getOrDefault(Status.FAILED, 0);
    }
  }

  private record Finished(CellGroup group, List<CellResult> results) {}

  /**
   * Runs the cells not finished in {@code store}; with {@code batchSeeds}, the cells that differ only
   * in their seed in one process each ({@link CellGroup}).
   */
  public Summary execute(List<PlannedCell> cells, CellRecorder store, CellProcess process, RunProgress progress,
      int jobs, boolean batchSeeds) {
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
      CompletionService<Finished> finishing = new ExecutorCompletionService<>(workers);
      List<CellGroup> groups = longestFirst(CellGroup.of(toRun, batchSeeds));
      for (CellGroup group : groups) {
        finishing.submit(() -> {
          group.keys().forEach(progress::cellStarted);
          List<CellResult> results = process.run(group,
              (done, total) -> progress.training(group, done, total));
          results.forEach(result -> progress.cellFinished(result.outcome()));
          return new Finished(group, results);
        });
      }
      for (int i = 0; i < groups.size(); i++) {
        Finished next = await(finishing);
        for (int j = 0; j < next.group().size(); j++) {
          PlannedCell cell = next.group().cells().get(j);
          CellResult result = next.results().get(j);
          store.record(result.outcome(), cell.config(), cell.taskConfig(), cell.taskSeed());
          if (result.error() != null) {
            store.logError(cell.key(), result.error());
          }
          counts.merge(result.outcome().status(), 1, Integer::sum);
        }
      }
      store.putInPlanOrder(cells.stream().map(PlannedCell::key).toList());
    } finally {
      workers.shutdownNow();
    }
    return new Summary(counts, reused);
  }

  /**
   * The order groups start in: the costliest first by {@link Shard#cost}'s estimate, so that the
   * last to start are short and no job waits long for another at the end (the
   * longest-processing-time rule). Ties keep the plan's order.
   */
  static List<CellGroup> longestFirst(List<CellGroup> groups) {
    return groups.stream().sorted(Comparator.comparingLong((CellGroup group) -> -group.cost())).toList();
  }

  private static Finished await(CompletionService<Finished> finishing) {
    try {
      return finishing.take().get();
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
