package dev.reckon.graphnets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.reckon.api.LabelingDataset;
import dev.reckon.kit.PuzzleBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The batches of a network of K seeds ({@link dev.reckon.kit.SeedAxis}): each seed's own, stacked. */
public final class SeedBatches {
  private SeedBatches() {}

  /**
   * Seed k's examples at {@code examples.get(k)} of {@code data.get(k)}, for every k, as one batch
   * whose arrays are {@code [K, batch, nodes]}, owned by {@code scope}.
   */
  public static PuzzleBatch puzzles(NDManager scope, List<LabelingDataset> data, List<int[]> examples) {
    List<PuzzleBatch> perSeed = new ArrayList<>();
    for (int k = 0; k < data.size(); k++) {
      perSeed.add(PuzzleBatch.of(scope, data.get(k), examples.get(k)));
    }
    return new PuzzleBatch(stack(perSeed, PuzzleBatch::givens), stack(perSeed, PuzzleBatch::targets),
        stack(perSeed, PuzzleBatch::blanks));
  }

  private static NDArray stack(List<PuzzleBatch> perSeed, Function<PuzzleBatch, NDArray> part) {
    return NDArrays.stack(new NDList(perSeed.stream().map(part).toList()));
  }
}
