package dev.reckon.plugins.trm;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDManager;
import dev.reckon.kit.BatchSampler;

/**
 * The training batches of deep supervision: each kept for N_sup updates in a row, its y and z
 * carried from one update to the next in a scope of the batch's own, which outlives the updates'
 * scopes and closes when the next batch starts.
 */
final class SupervisedBatches implements AutoCloseable {
  private final NDManager manager;
  private final BatchSampler sampler;
  private final TinyRecursiveNetwork network;
  private final int supervisionSteps;
  private NDManager batchScope;
  private int[] examples;
  private RecursionState state;

  /**
   * @param manager the model's long-lived manager, parent of each batch's scope
   * @param sampler draws each batch's examples
   * @param network makes a batch's starting y and z
   * @param supervisionSteps N_sup, the updates a batch gets
   */
  SupervisedBatches(NDManager manager, BatchSampler sampler, TinyRecursiveNetwork network, int supervisionSteps) {
    this.manager = requireNonNull(manager, "manager is null");
    this.sampler = requireNonNull(sampler, "sampler is null");
    this.network = requireNonNull(network, "network is null");
    this.supervisionSteps = supervisionSteps;
  }

  /**
   * The y and z update number {@code update} (from 1) starts from, moved into its {@code scope}: a
   * new batch's, from zero, every N_sup updates, else what the batch's last update {@link #keep}s.
   */
  RecursionState take(int update, NDManager scope) {
    if ((update - 1) % supervisionSteps == 0) {
      close();
      examples = sampler.next();
      batchScope = manager.newSubManager();
      state = network.start(batchScope, examples.length);
    }
    state.attach(scope);
    return state;
  }

  /** The examples of the current batch. */
  int[] examples() {
    return examples;
  }

  /** Keeps {@code next}, the y and z after an update, for the batch's next update. */
  void keep(RecursionState next) {
    next.attach(batchScope);
    state = next;
  }

  @Override
  public void close() {
    if (batchScope != null) {
      batchScope.close();
    }
  }
}
