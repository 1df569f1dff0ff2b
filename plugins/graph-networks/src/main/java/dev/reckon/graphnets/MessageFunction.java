package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.LinearLayers;
import java.util.ArrayList;
import java.util.List;

/**
 * The summed incoming message of every node: {@code m_i = sum over neighbours j of
 * MLP([h_i ; h_j])}, the MLP's hidden layers ReLU and its last layer linear.
 *
 * <p>Two rewrites keep the per-edge work small, both exact: the first layer on the pair is
 * {@code A h_i + B h_j + b}, so {@code A h} and {@code B h} are computed once per node and only
 * added per edge; and the last layer, being linear, commutes with the sum, so it runs once per
 * node on the summed hidden activations (its bias then counts once per node, not once per edge).
 * With {@code layers = 2} the only per-edge work is a gather, an add and a ReLU.
 *
 * <ul>
 *   <li>input: {@code h [batch, nodes, hidden]}
 *   <li>output: {@code m [batch, nodes, hidden]}
 *   <li>parameters: pair layer {@code A, B: hidden -> width} (one bias), {@code layers - 2} edge
 *       layers {@code width -> width}, output layer {@code width -> hidden}
 * </ul>
 */
public final class MessageFunction extends AbstractBlock {
  private final Neighbours slots;
  private final int hidden;
  private final int width;
  private final Linear self;
  private final Linear neighbour;
  private final List<Linear> edgeLayers = new ArrayList<>();
  private final Linear output;

  /**
   * @param slots the graph's edges
   * @param hidden the node state size
   * @param width the MLP's hidden layer size
   * @param layers the MLP's linear layers, at least 2
   */
  public MessageFunction(Neighbours slots, int hidden, int width, int layers) {
    this.slots = requireNonNull(slots, "slots is null");
    if (layers < 2) {
      throw new IllegalArgumentException("a message MLP has at least 2 layers, got " + layers);
    }
    this.hidden = hidden;
    this.width = width;
    this.self = addChildBlock("self", LinearLayers.of(width));
    this.neighbour = addChildBlock("neighbour", LinearLayers.of(width, false));
    for (int i = 0; i < layers - 2; i++) {
      edgeLayers.add(addChildBlock("edge" + i, LinearLayers.of(width)));
    }
    this.output = addChildBlock("output", LinearLayers.of(hidden));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList h = new NDList(inputs.singletonOrThrow());
    NDArray fromSelf = self.forward(parameterStore, h, training).singletonOrThrow().expandDims(2);
    NDArray fromNeighbour = neighbour.forward(parameterStore, h, training).singletonOrThrow();
    NDArray pairs = Activation.relu(fromSelf.add(slots.gather(fromNeighbour)));
    for (Linear layer : edgeLayers) {
      pairs = Activation.relu(layer.forward(parameterStore, new NDList(pairs), training).singletonOrThrow());
    }
    return output.forward(parameterStore, new NDList(slots.sum(pairs)), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    self.initialize(manager, dataType, new Shape(hidden));
    neighbour.initialize(manager, dataType, new Shape(hidden));
    for (Linear layer : edgeLayers) {
      layer.initialize(manager, dataType, new Shape(width));
    }
    output.initialize(manager, dataType, new Shape(width));
  }
}
