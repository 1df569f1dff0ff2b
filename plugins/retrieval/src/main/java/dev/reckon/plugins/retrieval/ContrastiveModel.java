package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reckon.api.ModelContext;
import dev.reckon.kit.Declarations;

/**
 * A dual encoder of representation dimension d: a transformer query encoder and a key table,
 * scored by a plain dot product (no cosine, no temperature) and trained with the symmetric
 * InfoNCE loss over the batch.
 */
final class ContrastiveModel extends RetrievalModel<DualEncoder> {
  private final int dimension;

  ContrastiveModel(String id, Declarations declarations, ModelContext context, int dimension) {
    super(id, declarations, context);
    this.dimension = dimension;
  }

  @Override
  protected DualEncoder newNetwork(TokenLayout layout, int keys) {
    return new DualEncoder(layout, keys, settings, dimension);
  }

  @Override
  protected Shape[] inputShapes(TokenLayout layout, int keys) {
    return new Shape[] {new Shape(1, layout.queryLength()), new Shape(keys)};
  }

  @Override
  protected NDArray scores(
      DualEncoder network, ParameterStore store, NDArray queries, NDArray keys, boolean training) {
    NDArray everyKey = queries.getManager().arange(Math.toIntExact(keys.getShape().get(0)));
    NDList vectors = network.forward(store, new NDList(queries, everyKey), training);
    return vectors.get(0).matMul(vectors.get(1).transpose());
  }

  @Override
  protected NDArray loss(
      DualEncoder network, ParameterStore store, NDArray queries, NDArray keys, NDArray positives,
      NDArray answers) {
    NDList vectors = network.forward(store, new NDList(queries, positives), true);
    NDArray scores = vectors.get(0).matMul(vectors.get(1).transpose());
    if (answers != null) {
      // matches[i][j] = answers[i][drawn key of j]
      int keyCount = Math.toIntExact(answers.getShape().get(1));
      return InfoNceLoss.symmetric(scores, answers.matMul(positives.oneHot(keyCount, DataType.FLOAT32).transpose()));
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
