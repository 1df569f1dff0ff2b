package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;

/**
 * The contrastive model's network for K seeds at once: a {@link QueryEncoder} and a {@link
 * KeyTable} of one representation dimension d, scored by a plain dot product.
 *
 * <p>Inputs: query tokens {@code (K, B, Lq)} int and key indices {@code (K, N)} int. Outputs: query
 * vectors {@code (K, B, d)} and key vectors {@code (K, N, d)}.
 */
final class DualEncoder extends AbstractBlock {
  private final QueryEncoder queries;
  private final KeyTable keys;

  DualEncoder(SeedAxis axis, TokenLayout layout, int keyCount, Settings settings, int dimension) {
    queries = addChildBlock("queries", new QueryEncoder(axis, layout, settings, dimension));
    keys = addChildBlock("keys", new KeyTable(axis, keyCount, dimension));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(
        queries.forward(store, new NDList(inputs.get(0)), training).head(),
        keys.forward(store, new NDList(inputs.get(1)), training).head());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {
      queries.getOutputShapes(new Shape[] {inputShapes[0]})[0], keys.getOutputShapes(new Shape[] {inputShapes[1]})[0]
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    queries.initialize(manager, dataType, inputShapes[0]);
    keys.initialize(manager, dataType, inputShapes[1]);
  }
}
