package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reckon.api.ModelContext;
import dev.reckon.kit.Declarations;
import java.util.List;

/**
 * The non-contrastive model: a {@link CrossEncoder} trained with softmax cross-entropy over all
 * keys of the deck. Its defaults have half the contrastive model's layers, so about half its
 * parameters, as in the research note.
 */
final class CrossEncoderModel extends RetrievalModel<CrossEncoder> {
  /** @param contexts one per seed trained at once */
  CrossEncoderModel(String id, Declarations declarations, List<ModelContext> contexts) {
    super(id, declarations, contexts);
  }

  @Override
  protected CrossEncoder newNetwork(TokenLayout layout, int keys) {
    return new CrossEncoder(seeds, layout, settings);
  }

  @Override
  protected Shape[] inputShapes(TokenLayout layout, int keys) {
    return new Shape[] {
      new Shape(seeds.size(), 1, layout.queryLength()), new Shape(seeds.size(), keys, layout.keyLength())
    };
  }

  @Override
  protected NDArray scores(
      CrossEncoder network, ParameterStore store, NDArray queries, NDArray keys, boolean training) {
    return network.forward(store, new NDList(queries, keys), training).head();
  }

  @Override
  protected NDArray loss(
      CrossEncoder network, ParameterStore store, NDArray queries, NDArray keys, NDArray positives,
      NDArray answers) {
    NDArray scores = scores(network, store, queries, keys, true);
    if (answers != null) {
      return KeyCrossEntropy.ofAnswers(scores, answers);
    }
    return KeyCrossEntropy.of(scores, positives);
  }

  /** One query-key pair per key. */
  @Override
  protected RetrievalFlops flops(TokenLayout layout, int keys) {
    return RetrievalFlops.crossEncoder(layout, keys, settings);
  }

  @Override
  protected int sequencesPerQuery(int keys) {
    return keys;
  }
}
