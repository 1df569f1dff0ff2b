package dev.reckon.kit;

/**
 * When a training run records what: the loss and memory every {@code logEvery} updates, the
 * training-batch accuracy every {@code evalEvery}, both at the last update too, so a curve always
 * ends where training did.
 *
 * @param updates the updates of the run
 * @param logEvery updates between two loss points
 * @param evalEvery updates between two accuracy points
 */
public record Cadence(int updates, int logEvery, int evalEvery) {
  public Cadence {
    if (updates <= 0 || logEvery <= 0 || evalEvery <= 0) {
      throw new IllegalArgumentException("a cadence needs positive counts, got updates " + updates + ", logEvery "
          + logEvery + ", evalEvery " + evalEvery);
    }
  }

  /** Whether {@code update} records the loss. */
  public boolean logs(int update) {
    return update % logEvery == 0 || update == updates;
  }

  /** Whether {@code update} records the training batch's accuracy. */
  public boolean evaluates(int update) {
    return update % evalEvery == 0 || update == updates;
  }
}
