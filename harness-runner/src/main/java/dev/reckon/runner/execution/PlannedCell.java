package dev.reckon.runner.execution;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.Task;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import java.util.List;
import java.util.Optional;

/**
 * One model x task x training level x seed, with everything needed to run it.
 *
 * @param task the task's plugin
 * @param taskInstance the task at its settings and seed, as planned
 * @param taskConfig the task's effective settings
 * @param taskSeed the task's own seed
 * @param config the model's effective settings
 * @param computeBudgets the training FLOPs at which a model that reports them is also evaluated
 * @param seed the run seed
 * @param skip why the model declined the task, when it did: the cell is skipped, not run
 * @param failure why the cell cannot run at all (the model's support check threw), when so
 */
public record PlannedCell(DiscoveredModel model, DiscoveredTask task, Task taskInstance, Config taskConfig,
    long taskSeed, Config config, Level train, List<Level> eval, int trainSize, int evalSize,
    List<Double> computeBudgets, long seed,
    Optional<String> skip, Optional<String> failure) {
  public PlannedCell {
    requireNonNull(model, "model is null");
    requireNonNull(task, "task is null");
    eval = List.copyOf(eval);
    computeBudgets = List.copyOf(computeBudgets);
    requireNonNull(skip, "skip is null");
    requireNonNull(failure, "failure is null");
  }

  public CellKey key() {
    return new CellKey(model.id(), task.id(), train.id(), seed);
  }

  /** Whether a process must run the cell: not when the model declined or could not be asked. */
  public boolean runs() {
    return skip.isEmpty() && failure.isEmpty();
  }
}
