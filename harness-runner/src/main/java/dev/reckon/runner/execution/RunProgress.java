package dev.reckon.runner.execution;

/**
 * Shows a run as it goes: cells done out of all, the cells at work (several with {@code --jobs}),
 * their training, the eta. Called from several threads.
 */
public interface RunProgress extends AutoCloseable {
  void cellStarted(CellKey key);

  /** A cell finished by an earlier attempt of a resumed run. */
  void cellReused(CellKey key);

  /** Training progress of a group's process: its cells' updates done so far, of {@code total}. */
  void training(CellGroup group, int done, int total);

  void cellFinished(CellOutcome outcome);

  @Override
  void close();
}
