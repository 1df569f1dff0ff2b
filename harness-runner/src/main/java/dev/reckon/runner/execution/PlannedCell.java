package dev.reckon.runner.execution;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.runner.plugins.DescribedModel;
import dev.reckon.runner.plugins.DescribedTask;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One model x task x training level x seed: ids, settings, and what planning's process said of
 * them. No plugin object: the cell's own process makes the task and the model again from these.
 *
 * @param made the task as made at its settings and seed in planning's process
 * @param taskConfig the task's effective settings
 * @param taskSeed the task's own seed
 * @param config the model's effective settings
 * @param computeBudgets the training FLOPs at which a model that reports them is also evaluated
 * @param seed the run seed
 * @param trainingWork the training examples the model says it processes at its settings, when it
 *     learns and says ({@link Shard#cost})
 * @param skip why the model declined the task, when it did: the cell is skipped, not run
 * @param failure why the cell cannot run at all (the model's support check threw or broke
 *     planning's process), when so
 */
public record PlannedCell(DescribedModel model, DescribedTask task, MadeTask made, Config taskConfig,
    long taskSeed, Config config, Level train, List<Level> eval, int trainSize, int evalSize,
    List<Double> computeBudgets, long seed, OptionalLong trainingWork, Optional<String> skip,
    Optional<String> failure) {
  public PlannedCell {
    requireNonNull(model, "model is null");
    requireNonNull(task, "task is null");
    eval = List.copyOf(eval);
    computeBudgets = List.copyOf(computeBudgets);
    requireNonNull(trainingWork, "trainingWork is null");
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
