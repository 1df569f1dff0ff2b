package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * The contrastive model's key side: one learned vector per key of the deck, initialised uniformly
 * in {@code +-1/d} (the research note's scheme; it converged faster than word2vec's). {@code (N)}
 * int key indices {@code -> (N, d)}.
 */
final class KeyTable extends AbstractBlock {
  private final int dimension;
  private final Parameter vectors;

  KeyTable(int keys, int dimension) {
    this.dimension = dimension;
    vectors = addParameter(Parameter.builder()
        .setName("keyVectors")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(keys, dimension))
        .optInitializer(new UniformInitializer(1f / dimension))
        .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray indices = inputs.head();
    return Embedding.embedding(indices, store.getValue(vectors, indices.getDevice(), training), SparseFormat.DENSE);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(dimension)};
  }
}
