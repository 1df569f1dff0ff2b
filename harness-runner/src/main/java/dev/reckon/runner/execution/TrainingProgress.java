package dev.reckon.runner.execution;

/** Where a cell's training progress goes: from the cell's process to the runner's display. */
public interface TrainingProgress {
  void training(int done, int total);
}
