package dev.reckon.runner.execution;

/** What identifies a cell in the results: finished keys are never run again on resume. */
public record CellKey(String model, String task, String trainLevel, long seed) {
  @Override
  public String toString() {
    return model + " x " + task + " (train " + trainLevel + ", seed " + seed + ")";
  }
}
