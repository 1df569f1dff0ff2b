package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

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
import dev.reckon.api.ConstraintGraph;
import dev.reckon.kit.LinearLayers;
import java.util.List;

/**
 * Turns a puzzle's givens into the input features {@code x} every node keeps through all steps:
 * an MLP over the embedding of the given value plus the embedding of the node's position.
 *
 * <p>A position is the set of all-different groups the node belongs to (for Sudoku its row,
 * column and box), embedded as the sum of one learned vector per group. That describes the place
 * of a node in any {@link ConstraintGraph} without knowing what the groups mean. A model that is
 * not given the graph ({@link #withoutGraph}) has one group per node: a learned vector of its own.
 *
 * <p>When each example brings its own graph ({@link #withFeatures}), a node has no fixed position:
 * what the task tells of it ({@code features [batch, nodes, F]}: coordinates, flags) goes through a
 * linear layer {@code F -> hidden} in place of the position vector.
 *
 * <ul>
 *   <li>input: {@code givens [batch, nodes]} int64, 0 for a blank, else the label {@code 1..labels}
 *   <li>output: {@code x [batch, nodes, hidden]}
 *   <li>parameters: value embedding {@code [labels + 1, hidden]}, group embedding
 *       {@code [groups, hidden]}, two linear layers {@code hidden -> hidden}
 * </ul>
 */
public final class InputEncoder extends AbstractBlock {
  private final int hidden;
  /** {@code [nodes, groups]} float: 1 where the node belongs to the group; {@code null} with node features. */
  private final NDArray membership;
  private final Parameter valueEmbedding;
  /** Null with node features. */
  private final Parameter groupEmbedding;
  /** The node features' layer, {@code features -> hidden}; null without node features. */
  private final Linear featureLayer;
  private final int features;
  private final Linear first;
  private final Linear second;

  /**
   * @param graph the constraint graph every example shares
   * @param labels the number of labels; a given is {@code 0..labels}
   * @param hidden the feature size
   * @param manager owns the graph's membership array
   */
  public InputEncoder(ConstraintGraph graph, int labels, int hidden, NDManager manager) {
    this(groupMembership(requireNonNull(graph, "graph is null")), graph.nodes(), graph.groups().size(), labels, hidden,
        manager);
  }

  /**
   * The encoder of a model not given the graph: each of {@code nodes} nodes is a position of its
   * own, with a learned vector.
   */
  public static InputEncoder withoutGraph(int nodes, int labels, int hidden, NDManager manager) {
    float[] identity = new float[nodes * nodes];
    for (int node = 0; node < nodes; node++) {
      identity[node * nodes + node] = 1;
    }
    return new InputEncoder(identity, nodes, nodes, labels, hidden, manager);
  }

  /**
   * @param member {@code [nodes, groups]}: 1 where a node belongs to a group
   */
  private InputEncoder(float[] member, int nodes, int groups, int labels, int hidden, NDManager manager) {
    requireNonNull(manager, "manager is null");
    this.hidden = hidden;
    this.membership = manager.create(member, new Shape(nodes, groups));
    // Unit-variance embeddings, as nn.Embedding starts; the default weight initialiser would
    // scale them by the fan-in of a table that is not a layer.
    this.valueEmbedding = addParameter(Parameter.builder()
        .setName("valueEmbedding")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(labels + 1L, hidden))
        .optInitializer(new NormalInitializer(1))
        .build());
    this.groupEmbedding = addParameter(Parameter.builder()
        .setName("groupEmbedding")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(groups, hidden))
        .optInitializer(new NormalInitializer(1))
        .build());
    this.featureLayer = null;
    this.features = 0;
    this.first = addChildBlock("first", LinearLayers.of(hidden));
    this.second = addChildBlock("second", LinearLayers.of(hidden));
  }

  /**
   * The encoder for graphs that differ per example: the given label's embedding plus a linear
   * layer on the node's {@code features} (none when 0), then the same MLP. Its input is {@code
   * givens [batch, nodes]} and, when {@code features > 0}, {@code features [batch, nodes, F]}.
   */
  public static InputEncoder withFeatures(int labels, int features, int hidden) {
    return new InputEncoder(labels, features, hidden);
  }

  private InputEncoder(int labels, int features, int hidden) {
    if (features < 0) {
      throw new IllegalArgumentException("features must be at least 0, got " + features);
    }
    this.hidden = hidden;
    this.membership = null;
    this.groupEmbedding = null;
    this.features = features;
    this.valueEmbedding = addParameter(Parameter.builder()
        .setName("valueEmbedding")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(labels + 1L, hidden))
        .optInitializer(new NormalInitializer(1))
        .build());
    this.featureLayer = features == 0 ? null : addChildBlock("features", LinearLayers.of(hidden));
    this.first = addChildBlock("first", LinearLayers.of(hidden));
    this.second = addChildBlock("second", LinearLayers.of(hidden));
  }

  /** The node features a forward pass takes beside the givens; 0 for an encoder of positions. */
  public int features() {
    return features;
  }

  private static float[] groupMembership(ConstraintGraph graph) {
    List<int[]> groups = graph.groups();
    float[] member = new float[graph.nodes() * groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      for (int node : groups.get(g)) {
        member[node * groups.size() + g] = 1;
      }
    }
    return member;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    if (membership == null) {
      return forwardWithFeatures(parameterStore, inputs, training);
    }
    NDArray givens = inputs.singletonOrThrow();
    NDManager scope = givens.getManager();
    NDArray values = parameterStore.getValue(valueEmbedding, givens.getDevice(), training);
    NDArray groups = parameterStore.getValue(groupEmbedding, givens.getDevice(), training);
    NDArray embedded = values.get(scope, new NDIndex("{}", givens));
    // The product's first operand is long-lived; attach it to the caller's scope so it is freed there.
    NDArray positions = membership.matMul(groups);
    positions.attach(scope);
    NDArray hiddenLayer = Activation.relu(
        first.forward(parameterStore, new NDList(embedded.add(positions)), training).singletonOrThrow());
    return second.forward(parameterStore, new NDList(hiddenLayer), training);
  }

  private NDList forwardWithFeatures(ParameterStore parameterStore, NDList inputs, boolean training) {
    NDArray givens = inputs.get(0);
    NDArray values = parameterStore.getValue(valueEmbedding, givens.getDevice(), training);
    NDArray embedded = values.get(givens.getManager(), new NDIndex("{}", givens));
    if (featureLayer != null) {
      embedded = embedded.add(featureLayer.forward(parameterStore, new NDList(inputs.get(1)), training)
          .singletonOrThrow());
    }
    NDArray hiddenLayer = Activation.relu(
        first.forward(parameterStore, new NDList(embedded), training).singletonOrThrow());
    return second.forward(parameterStore, new NDList(hiddenLayer), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(hidden)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    if (featureLayer != null) {
      featureLayer.initialize(manager, dataType, new Shape(features));
    }
    first.initialize(manager, dataType, new Shape(hidden));
    second.initialize(manager, dataType, new Shape(hidden));
  }
}
