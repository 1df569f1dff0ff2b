package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedLinear;
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
 * <p>The layers are stacked over K seeds ({@link SeedAxis}); the gather and the sum over a node's
 * neighbours see the K seeds' batches as one batch of {@code K * batch} examples ({@link
 * Neighbours}), as they do not depend on the weights.
 *
 * <ul>
 *   <li>input: {@code h [K, batch, nodes, hidden]}
 *   <li>output: {@code m [K, batch, nodes, hidden]}
 *   <li>parameters: pair layer {@code A, B: hidden -> width} (one bias), {@code layers - 2} edge
 *       layers {@code width -> width}, output layer {@code width -> hidden}
 * </ul>
 */
public final class MessageFunction extends AbstractBlock {
  private final Neighbours slots;
  private final int hidden;
  private final int width;
  private final StackedLinear self;
  private final StackedLinear neighbour;
  private final List<StackedLinear> edgeLayers = new ArrayList<>();
  private final StackedLinear output;

  /**
   * @param axis the seeds
   * @param slots the graph's edges
   * @param hidden the node state size
   * @param width the MLP's hidden layer size
   * @param layers the MLP's linear layers, at least 2
   */
  public MessageFunction(SeedAxis axis, Neighbours slots, int hidden, int width, int layers) {
    this.slots = requireNonNull(slots, "slots is null");
    if (layers < 2) {
      throw new IllegalArgumentException("a message MLP has at least 2 layers, got " + layers);
    }
    this.hidden = hidden;
    this.width = width;
    this.self = addChildBlock("self", new StackedLinear(axis, hidden, width, true));
    this.neighbour = addChildBlock("neighbour", new StackedLinear(axis, hidden, width, false));
    for (int i = 0; i < layers - 2; i++) {
      edgeLayers.add(addChildBlock("edge" + i, new StackedLinear(axis, width, width, true)));
    }
    this.output = addChildBlock("output", new StackedLinear(axis, width, hidden, true));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray h = inputs.singletonOrThrow();
    Shape shape = h.getShape();
    long seeds = shape.get(0);
    long examples = seeds * shape.get(1);
    long nodes = shape.get(2);
    NDArray fromSelf = self.apply(parameterStore, h, training).reshape(examples, nodes, 1, width);
    NDArray fromNeighbour = neighbour.apply(parameterStore, h, training).reshape(examples, nodes, width);
    NDArray pairs = Activation.relu(fromSelf.add(slots.gather(fromNeighbour)));
    for (StackedLinear layer : edgeLayers) {
      Shape edges = pairs.getShape();
      pairs = Activation.relu(layer.apply(parameterStore, pairs.reshape(seeds, -1, width), training)).reshape(edges);
    }
    NDArray summed = slots.sum(pairs).reshape(shape.slice(0, 3).add(width));
    return new NDList(output.apply(parameterStore, summed, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    self.initialize(manager, dataType, new Shape(hidden));
    neighbour.initialize(manager, dataType, new Shape(hidden));
    for (StackedLinear layer : edgeLayers) {
      layer.initialize(manager, dataType, new Shape(width));
    }
    output.initialize(manager, dataType, new Shape(width));
  }
}
