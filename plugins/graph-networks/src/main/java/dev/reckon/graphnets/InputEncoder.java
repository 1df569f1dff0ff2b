package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

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
import dev.reckon.api.ConstraintGraph;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedEmbeddings;
import dev.reckon.kit.StackedLinear;
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
 * what the task tells of it ({@code features [K, batch, nodes, F]}: coordinates, flags) goes through a
 * linear layer {@code F -> hidden} in place of the position vector.
 *
 * <p>Every weight is stacked over the K seeds ({@link SeedAxis}), each seed's slice drawn from its
 * own stream: the embeddings from {@code N(0, 1)}, the layers fan-in uniform.
 *
 * <ul>
 *   <li>input: {@code givens [K, batch, nodes]} int64, 0 for a blank, else the label {@code 1..labels}
 *   <li>output: {@code x [K, batch, nodes, hidden]}
 *   <li>parameters: value embedding {@code [K, labels + 1, hidden]}, group embedding
 *       {@code [K, groups, hidden]}, two linear layers {@code hidden -> hidden}
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
  private final StackedLinear featureLayer;
  private final int features;
  private final StackedLinear first;
  private final StackedLinear second;

  /**
   * @param axis the seeds
   * @param graph the constraint graph every example shares
   * @param labels the number of labels; a given is {@code 0..labels}
   * @param hidden the feature size
   * @param manager owns the graph's membership array
   */
  public InputEncoder(SeedAxis axis, ConstraintGraph graph, int labels, int hidden, NDManager manager) {
    this(axis, groupMembership(requireNonNull(graph, "graph is null")), graph.nodes(), graph.groups().size(), labels,
        hidden, manager);
  }

  /**
   * The encoder of a model not given the graph: each of {@code nodes} nodes is a position of its
   * own, with a learned vector.
   */
  public static InputEncoder withoutGraph(SeedAxis axis, int nodes, int labels, int hidden, NDManager manager) {
    float[] identity = new float[nodes * nodes];
    for (int node = 0; node < nodes; node++) {
      identity[node * nodes + node] = 1;
    }
    return new InputEncoder(axis, identity, nodes, nodes, labels, hidden, manager);
  }

  /**
   * @param member {@code [nodes, groups]}: 1 where a node belongs to a group
   */
  private InputEncoder(SeedAxis axis, float[] member, int nodes, int groups, int labels, int hidden,
      NDManager manager) {
    requireNonNull(manager, "manager is null");
    this.hidden = hidden;
    this.membership = manager.create(member, new Shape(nodes, groups));
    this.valueEmbedding = addParameter(unitTable(axis, "valueEmbedding", labels + 1, hidden));
    this.groupEmbedding = addParameter(unitTable(axis, "groupEmbedding", groups, hidden));
    this.featureLayer = null;
    this.features = 0;
    this.first = addChildBlock("first", new StackedLinear(axis, hidden, hidden, true));
    this.second = addChildBlock("second", new StackedLinear(axis, hidden, hidden, true));
  }

  /**
   * A table {@code [K, rows, hidden]} of unit-variance rows, as nn.Embedding starts: the tables of
   * the kit's sequence models are narrower, scaled by the width.
   */
  private static Parameter unitTable(SeedAxis axis, String name, int rows, int hidden) {
    return StackedEmbeddings.table(axis, name, rows, hidden, 1);
  }

  /**
   * The encoder for graphs that differ per example: the given label's embedding plus a linear
   * layer on the node's {@code features} (none when 0), then the same MLP. Its input is {@code
   * givens [K, batch, nodes]} and, when {@code features > 0}, {@code features [K, batch, nodes, F]}.
   */
  public static InputEncoder withFeatures(SeedAxis axis, int labels, int features, int hidden) {
    return new InputEncoder(axis, labels, features, hidden);
  }

  private InputEncoder(SeedAxis axis, int labels, int features, int hidden) {
    if (features < 0) {
      throw new IllegalArgumentException("features must be at least 0, got " + features);
    }
    this.hidden = hidden;
    this.membership = null;
    this.groupEmbedding = null;
    this.features = features;
    this.valueEmbedding = addParameter(unitTable(axis, "valueEmbedding", labels + 1, hidden));
    this.featureLayer =
        features == 0 ? null : addChildBlock("features", new StackedLinear(axis, features, hidden, true));
    this.first = addChildBlock("first", new StackedLinear(axis, hidden, hidden, true));
    this.second = addChildBlock("second", new StackedLinear(axis, hidden, hidden, true));
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
    NDArray groups = parameterStore.getValue(groupEmbedding, givens.getDevice(), training);
    NDArray embedded = lookup(parameterStore, valueEmbedding, givens, training);
    // Each seed's positions [K, nodes, hidden], by a product broadcast over the seeds. Its first
    // operand is long-lived; attach it to the caller's scope so it is freed there.
    NDArray positions = membership.matMul(groups);
    positions.attach(scope);
    Shape perSeed = positions.getShape();
    NDArray placed = embedded.add(positions.reshape(perSeed.get(0), 1, perSeed.get(1), perSeed.get(2)));
    return new NDList(second.apply(parameterStore, Activation.relu(first.apply(parameterStore, placed, training)),
        training));
  }

  private NDList forwardWithFeatures(ParameterStore parameterStore, NDList inputs, boolean training) {
    NDArray embedded = lookup(parameterStore, valueEmbedding, inputs.get(0), training);
    if (featureLayer != null) {
      embedded = embedded.add(featureLayer.apply(parameterStore, inputs.get(1), training));
    }
    return new NDList(second.apply(parameterStore, Activation.relu(first.apply(parameterStore, embedded, training)),
        training));
  }

  /**
   * Seed k's rows of {@code table [K, rows, W]} for its ids {@code [K, ...]}: {@code [K, ..., W]},
   * as the product of the ids' one-hot rows with the seed's table, which is exact and, its first
   * operand being the ids', leaves every array it makes with the ids' manager, the batch's scope.
   * ({@link dev.reckon.kit.StackedEmbeddings#lookup} computes on the table first, so its arrays
   * outlive the batch, in the weights' manager.)
   */
  private static NDArray lookup(ParameterStore parameterStore, Parameter table, NDArray ids, boolean training) {
    NDArray weights = parameterStore.getValue(table, ids.getDevice(), training);
    Shape rows = weights.getShape();
    Shape shape = ids.getShape();
    return ids.reshape(shape.get(0), -1).oneHot((int) rows.get(1)).matMul(weights).reshape(shape.add(rows.get(2)));
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
