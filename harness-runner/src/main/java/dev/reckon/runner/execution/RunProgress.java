package dev.reckon.runner.execution;

/** Shows a run as it goes: cells done out of all, the cell at work, its training, the eta. */
public interface RunProgress extends AutoCloseable {
  void cellStarted(CellKey key);

  /** A cell finished by an earlier attempt of a resumed run. */
  void cellReused(CellKey key);

  void training(int done, int total);

  void cellFinished(CellOutcome outcome);

  @Override
  void close();
}
