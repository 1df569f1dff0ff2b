package dev.reckon.plugins.adjacency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.reckon.kit.LinearLayers;

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
 * <ul>
 *   <li>input: {@code givens [batch, nodes]} int64, 0 for a blank
 *   <li>output: {@code scores [batch, nodes, nodes]}, the diagonal at {@link #EXCLUDED}
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
  private final Linear query;
  private final Linear key;
  private final Linear value;
  private final Linear expand;
  private final Linear contract;
  private final Linear headQuery;
  private final Linear headKey;

  /**
   * @param readsValues whether the cells' given values are input beside their positions
   */
  public AdjacencySampler(int nodes, int labels, int width, boolean readsValues) {
    this.nodes = nodes;
    this.width = width;
    this.valueEmbedding = !readsValues ? null : addParameter(Parameter.builder().setName("valueEmbedding")
        .setType(Parameter.Type.WEIGHT).optShape(new Shape(labels + 1L, width))
        .optInitializer(new NormalInitializer(1)).build());
    this.nodeEmbedding = addParameter(Parameter.builder().setName("nodeEmbedding").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(nodes, width)).optInitializer(new NormalInitializer(1)).build());
    this.query = addChildBlock("query", LinearLayers.of(width, false));
    this.key = addChildBlock("key", LinearLayers.of(width, false));
    this.value = addChildBlock("value", LinearLayers.of(width, false));
    this.expand = addChildBlock("expand", LinearLayers.of(width));
    this.contract = addChildBlock("contract", LinearLayers.of(width));
    this.headQuery = addChildBlock("headQuery", LinearLayers.of(width, false));
    this.headKey = addChildBlock("headKey", LinearLayers.of(width, false));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray givens = inputs.singletonOrThrow();
    NDManager scope = givens.getManager();
    NDArray positions = parameterStore.getValue(nodeEmbedding, givens.getDevice(), training);
    NDArray cells;
    if (valueEmbedding == null) {
      // An op on a weight lands in the weights' long-lived manager, and all that is computed from it
      // after; attached to the batch's scope, it is freed with the batch.
      cells = positions.broadcast(givens.getShape().add(width));
      cells.attach(scope);
    } else {
      cells = parameterStore.getValue(valueEmbedding, givens.getDevice(), training)
          .get(scope, new NDIndex("{}", givens)).add(positions);
    }
    NDArray attended = attention(scope, linear(parameterStore, query, cells, training),
        linear(parameterStore, key, cells, training)).softmax(-1)
        .matMul(linear(parameterStore, value, cells, training));
    NDArray mixed = cells.add(attended);
    NDArray encoded = mixed.add(linear(parameterStore, contract,
        Activation.relu(linear(parameterStore, expand, mixed, training)), training));
    NDArray scores = attention(scope, linear(parameterStore, headQuery, encoded, training),
        linear(parameterStore, headKey, encoded, training));
    return new NDList(scores.add(scope.eye(nodes).mul(EXCLUDED)));
  }

  /**
   * Scaled dot products {@code q k^T / sqrt(width)}: {@code [batch, nodes, nodes]}. The scale is an
   * array the engine allocates: DJL frees a Java number's array at once while autograd still
   * needs it for the backward pass (see the README's plugin guide).
   */
  private NDArray attention(NDManager scope, NDArray queries, NDArray keys) {
    return queries.matMul(keys.transpose(0, 2, 1)).mul(scope.full(new Shape(), (float) (1 / Math.sqrt(width))));
  }

  private static NDArray linear(ParameterStore parameterStore, Linear layer, NDArray input, boolean training) {
    return layer.forward(parameterStore, new NDList(input), training).singletonOrThrow();
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
    for (Linear layer : new Linear[] {query, key, value, expand, contract, headQuery, headKey}) {
      layer.initialize(manager, dataType, new Shape(width));
    }
  }
}
