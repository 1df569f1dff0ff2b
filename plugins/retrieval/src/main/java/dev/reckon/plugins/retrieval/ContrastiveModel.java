package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reckon.api.ModelContext;
import dev.reckon.kit.Declarations;
import java.util.Arrays;
import java.util.List;

/**
 * A dual encoder of representation dimension d: a transformer query encoder and a key table,
 * scored by a plain dot product (no cosine, no temperature) and trained with the symmetric
 * InfoNCE loss over the batch.
 */
final class ContrastiveModel extends RetrievalModel<DualEncoder> {
  private final int dimension;

  /** @param contexts one per seed trained at once */
  ContrastiveModel(String id, Declarations declarations, List<ModelContext> contexts, int dimension) {
    super(id, declarations, contexts);
    this.dimension = dimension;
  }

  @Override
  protected DualEncoder newNetwork(TokenLayout layout, int keys) {
    return new DualEncoder(seeds, layout, keys, settings, dimension);
  }

  @Override
  protected Shape[] inputShapes(TokenLayout layout, int keys) {
    return new Shape[] {new Shape(seeds.size(), 1, layout.queryLength()), new Shape(seeds.size(), keys)};
  }

  @Override
  protected NDArray scores(
      DualEncoder network, ParameterStore store, NDArray queries, NDArray keys, boolean training) {
    int seedCount = Math.toIntExact(keys.getShape().get(0));
    int keyCount = Math.toIntExact(keys.getShape().get(1));
    // Every key of the deck for every seed: (K, N) indices 0..N-1.
    int[] everyKey = new int[seedCount * keyCount];
    Arrays.setAll(everyKey, i -> i % keyCount);
    NDList vectors = network.forward(store,
        new NDList(queries, queries.getManager().create(everyKey, new Shape(seedCount, keyCount))), training);
    return vectors.get(0).matMul(vectors.get(1).transpose(0, 2, 1));
  }

  @Override
  protected NDArray loss(
      DualEncoder network, ParameterStore store, NDArray queries, NDArray keys, NDArray positives,
      NDArray answers) {
    NDList vectors = network.forward(store, new NDList(queries, positives), true);
    NDArray scores = vectors.get(0).matMul(vectors.get(1).transpose(0, 2, 1));
    if (answers != null) {
      // matches[k][i][j] = answers[k][i][drawn key of j]
      int keyCount = Math.toIntExact(answers.getShape().get(2));
      return InfoNceLoss.symmetric(scores,
          answers.matMul(positives.oneHot(keyCount, DataType.FLOAT32).transpose(0, 2, 1)));
    }
    return InfoNceLoss.symmetric(scores);
  }

  /** One: the key vectors come from the table. */
  @Override
  protected RetrievalFlops flops(TokenLayout layout, int keys) {
    return RetrievalFlops.contrastive(layout, keys, settings, dimension);
  }

  @Override
  protected int sequencesPerQuery(int keys) {
    return 1;
  }
}
