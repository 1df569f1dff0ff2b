package dev.reckon.api;

import java.util.List;

/**
 * Several seeds of one model on one task trained at once, as one network with a leading seed axis
 * ({@link ModelFactory#createGroup}). Each seed gets its own training set, data order, initial
 * weights and optimiser state, as in its own run; only the engine calls are shared. The runner
 * closes the group when its cells end.
 */
public interface SeedGroup extends AutoCloseable {
  /**
   * Trains seed {@code i} (in the order of the contexts the group was created with) on {@code
   * training.get(i)}, its curves to {@code logs.get(i)}.
   */
  void train(List<Dataset> training, List<TrainingLog> logs);

  /**
   * Seed {@code i}'s model, as if it had trained alone: it predicts, saves, loads and counts its
   * parameters as such; it reads the group's current weights (a {@link TrainingLog} may have it
   * predict mid-training) and lives until the group closes. The runner never closes a member.
   */
  Model member(int i);

  @Override
  void close();
}
