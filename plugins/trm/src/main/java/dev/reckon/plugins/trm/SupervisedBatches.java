package dev.reckon.plugins.trm;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.reckon.api.LabelingDataset;
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.PuzzleBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The training batches of deep supervision, one a seed: each kept for N_sup updates in a row, its
 * y and z carried from one update to the next in a scope of the batch's own, which outlives the
 * updates' scopes and closes when the next batch starts. Seed k's batch comes from its own
 * training set and sampler, as in its run alone.
 */
final class SupervisedBatches implements AutoCloseable {
  private final NDManager manager;
  private final List<LabelingDataset> training;
  private final List<BatchSampler> samplers;
  private final TinyRecursiveNetwork network;
  private final int supervisionSteps;
  private NDManager batchScope;
  private int[][] examples;
  private RecursionState state;

  /**
   * @param manager the model's long-lived manager, parent of each batch's scope
   * @param training each seed's training set
   * @param samplers each seed's sampler, drawing its batch's examples from its training set
   * @param network makes a batch's starting y and z
   * @param supervisionSteps N_sup, the updates a batch gets
   */
  SupervisedBatches(NDManager manager, List<LabelingDataset> training, List<BatchSampler> samplers,
      TinyRecursiveNetwork network, int supervisionSteps) {
    this.manager = requireNonNull(manager, "manager is null");
    this.training = List.copyOf(training);
    this.samplers = List.copyOf(samplers);
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
      examples = samplers.stream().map(BatchSampler::next).toArray(int[][]::new);
      batchScope = manager.newSubManager();
      state = network.start(batchScope, examples[0].length);
    }
    state.attach(scope);
    return state;
  }

  /** The current batch of every seed, {@code [K, batch, cells]}, owned by {@code scope}. */
  PuzzleBatch puzzles(NDManager scope) {
    List<PuzzleBatch> seeds = new ArrayList<>();
    for (int k = 0; k < examples.length; k++) {
      seeds.add(PuzzleBatch.of(scope, training.get(k), examples[k]));
    }
    return new PuzzleBatch(stacked(seeds, PuzzleBatch::givens), stacked(seeds, PuzzleBatch::targets),
        stacked(seeds, PuzzleBatch::blanks));
  }

  private static NDArray stacked(List<PuzzleBatch> seeds, Function<PuzzleBatch, NDArray> part) {
    return NDArrays.stack(new NDList(seeds.stream().map(part).toList()));
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
