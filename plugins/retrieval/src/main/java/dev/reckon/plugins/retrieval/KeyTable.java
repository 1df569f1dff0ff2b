package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedEmbeddings;
import dev.reckon.kit.StackedInitializer;

/**
 * The contrastive model's key side: one learned vector per key of the deck and seed, initialised
 * uniformly in {@code +-1/d} (the research note's scheme; it converged faster than word2vec's).
 * {@code (K, N)} int key indices {@code -> (K, N, d)}, seed k's from seed k's table.
 */
final class KeyTable extends AbstractBlock {
  private final int dimension;
  private final Parameter vectors;

  KeyTable(SeedAxis axis, int keys, int dimension) {
    this.dimension = dimension;
    vectors = addParameter(Parameter.builder()
        .setName("keyVectors")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(axis.size(), keys, dimension))
        // +-1/sqrt(fan-in) at a fan-in of d^2: +-1/d.
        .optInitializer(StackedInitializer.fanInUniform(axis, (long) dimension * dimension))
        .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(StackedEmbeddings.lookup(store, vectors, inputs.head(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(dimension)};
  }
}
