package dev.reckon.plugins.adjacency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.EngineScalar;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedEmbeddings;
import dev.reckon.kit.StackedLinear;

/**
 * The part of the model that decides the graph: a small transformer over the cells (each cell's
 * position embedded, and its given value too when the sampler reads values; one self-attention
 * layer and a feed-forward layer, both residual), whose top attention head scores every pair of
 * cells. A node's scores over the other nodes are the logits its neighbours are drawn from ({@link
 * NeighbourDraw}); a node never scores itself.
 *
 * <p>Why positions alone by default: reading the values too, on 4x4 sudoku the head learned
 * within 600 updates to draw the given cells, whatever their place (they tell a blank which
 * values are taken), and its graph agreed with the constraint graph no better than chance
 * (precision 0.47, 7/15 by chance); from positions alone the same training drew real neighbours
 * (0.69 after 600 updates). A graph of positions is the same for every puzzle, as the
 * constraint graph is.
 *
 * <p>Every weight is stacked over the K seeds ({@link SeedAxis}), each seed's slice drawn from its
 * own stream: the embeddings from {@code N(0, 1)}, the layers fan-in uniform.
 *
 * <ul>
 *   <li>input: {@code givens [K, batch, nodes]} int64, 0 for a blank
 *   <li>output: {@code scores [K, batch, nodes, nodes]}, the diagonal at {@link #EXCLUDED}
 * </ul>
 */
public final class AdjacencySampler extends AbstractBlock {
  /** The score of a node for itself: its softmax weight underflows to 0. */
  static final float EXCLUDED = -1e9f;

  private final int nodes;
  private final int width;
  /** Null when the sampler reads positions alone. */
  private final Parameter valueEmbedding;
  private final Parameter nodeEmbedding;
  private final StackedLinear query;
  private final StackedLinear key;
  private final StackedLinear value;
  private final StackedLinear expand;
  private final StackedLinear contract;
  private final StackedLinear headQuery;
  private final StackedLinear headKey;

  /**
   * @param axis the seeds
   * @param readsValues whether the cells' given values are input beside their positions
   */
  public AdjacencySampler(SeedAxis axis, int nodes, int labels, int width, boolean readsValues) {
    this.nodes = nodes;
    this.width = width;
    this.valueEmbedding = !readsValues ? null
        : addParameter(StackedEmbeddings.table(axis, "valueEmbedding", labels + 1, width, 1));
    this.nodeEmbedding = addParameter(StackedEmbeddings.table(axis, "nodeEmbedding", nodes, width, 1));
    this.query = addChildBlock("query", new StackedLinear(axis, width, width, false));
    this.key = addChildBlock("key", new StackedLinear(axis, width, width, false));
    this.value = addChildBlock("value", new StackedLinear(axis, width, width, false));
    this.expand = addChildBlock("expand", new StackedLinear(axis, width, width, true));
    this.contract = addChildBlock("contract", new StackedLinear(axis, width, width, true));
    this.headQuery = addChildBlock("headQuery", new StackedLinear(axis, width, width, false));
    this.headKey = addChildBlock("headKey", new StackedLinear(axis, width, width, false));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray givens = inputs.singletonOrThrow();
    NDManager scope = givens.getManager();
    NDArray cells = valueEmbedding == null ? scope.zeros(givens.getShape().add(width))
        : StackedEmbeddings.lookup(parameterStore, valueEmbedding, givens, training);
    cells = StackedEmbeddings.addPositions(parameterStore, nodeEmbedding, cells, training);
    NDArray attended = attention(scope, query.apply(parameterStore, cells, training),
        key.apply(parameterStore, cells, training)).softmax(-1).matMul(value.apply(parameterStore, cells, training));
    NDArray mixed = cells.add(attended);
    NDArray encoded = mixed.add(contract.apply(parameterStore,
        Activation.relu(expand.apply(parameterStore, mixed, training)), training));
    NDArray scores = attention(scope, headQuery.apply(parameterStore, encoded, training),
        headKey.apply(parameterStore, encoded, training));
    return new NDList(scores.add(scope.eye(nodes).mul(EXCLUDED)));
  }

  /**
   * Scaled dot products {@code q k^T / sqrt(width)}: {@code [K, batch, nodes, nodes]}. The scale is
   * an array the engine allocates ({@link EngineScalar}).
   */
  private NDArray attention(NDManager scope, NDArray queries, NDArray keys) {
    return queries.matMul(keys.transpose(0, 1, 3, 2)).mul(EngineScalar.of(scope, (float) (1 / Math.sqrt(width))));
  }

  int nodes() {
    return nodes;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(nodes)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (StackedLinear layer : new StackedLinear[] {query, key, value, expand, contract, headQuery, headKey}) {
      layer.initialize(manager, dataType, new Shape(width));
    }
  }
}
