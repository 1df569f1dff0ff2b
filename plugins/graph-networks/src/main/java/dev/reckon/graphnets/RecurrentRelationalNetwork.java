package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedLinear;
import java.util.Arrays;

/**
 * A recurrent relational network: encode the givens once ({@link InputEncoder}), apply one
 * weight-shared {@link RelationalStep} again and again from a zero state, and read a label
 * distribution for every node out of the state after every step.
 *
 * <p>{@link #forward} unrolls the training steps and returns the logits of each; evaluation
 * drives {@link #encode}, {@link #step} and {@link #readout} itself so that it can run any number
 * of steps and free each step's intermediates as it goes.
 *
 * <p>One network trains K seeds at once ({@link SeedAxis}): every weight is stacked {@code (K, ...)}
 * and every array leads with the seed axis, seed k's slice computed from its own weights alone.
 * A model of its own is K = 1.
 *
 * <ul>
 *   <li>input: {@code givens [K, batch, nodes]} int64, 0 for a blank; with an encoder of node
 *       features, also {@code features [K, batch, nodes, F]} float
 *   <li>output of {@link #forward}: {@code steps} arrays of logits {@code [K, batch, nodes, labels]},
 *       after step 1, 2, ..., {@code steps}
 * </ul>
 */
public final class RecurrentRelationalNetwork extends AbstractBlock {
  private final int labels;
  private final int hidden;
  private final int steps;
  private final InputEncoder encoder;
  private final RelationalStep step;
  private final StackedLinear readout;
  /** Null when the graph is given. */
  private final Block graphSampler;

  /**
   * @param axis the seeds
   * @param graph the constraint graph every example shares
   * @param labels the number of labels
   * @param hidden the node state and input feature size
   * @param messageWidth the message MLP's hidden layer size
   * @param messageLayers the message MLP's linear layers
   * @param steps the steps {@link #forward} unrolls
   * @param manager owns the graph's constant arrays
   */
  public RecurrentRelationalNetwork(SeedAxis axis, ConstraintGraph graph, int labels, int hidden, int messageWidth,
      int messageLayers, int steps, NDManager manager) {
    this(axis, new InputEncoder(axis, graph, labels, hidden, manager), NeighbourSlots.of(graph, manager), null,
        labels, hidden, messageWidth, messageLayers, steps);
  }

  /**
   * A network whose positions and message paths are given apart: a model that learns its graph
   * passes {@link InputEncoder#withoutGraph}, {@link SampledNeighbours} and the block it draws
   * them from.
   *
   * @param axis the seeds, the encoder's too
   * @param encoder turns the givens into the input features
   * @param neighbours who sends messages to whom
   * @param graphSampler the block the model draws each batch's graph from, on the givens; null
   *     when the graph is given. The model runs it; the network holds it so that its weights are
   *     the network's: initialised after the network's own from the seeds' streams, and saved,
   *     counted and handed to a seed's model of its own ({@link dev.reckon.kit.StackedGroup}) with them
   */
  public RecurrentRelationalNetwork(SeedAxis axis, InputEncoder encoder, Neighbours neighbours, Block graphSampler,
      int labels, int hidden, int messageWidth, int messageLayers, int steps) {
    this.labels = labels;
    this.hidden = hidden;
    this.steps = steps;
    this.encoder = addChildBlock("encoder", requireNonNull(encoder, "encoder is null"));
    this.step = addChildBlock("step", new RelationalStep(axis, neighbours, hidden, messageWidth, messageLayers));
    this.readout = addChildBlock("readout", new StackedLinear(axis, hidden, labels, true));
    this.graphSampler = graphSampler == null ? null : addChildBlock("graphSampler", graphSampler);
  }

  /** {@code givens [K, batch, nodes]} int64 to {@code x [K, batch, nodes, hidden]}. */
  public NDArray encode(ParameterStore parameterStore, NDArray givens, boolean training) {
    return encode(parameterStore, new NDList(givens), training);
  }

  /**
   * The givens, and the node features when the encoder takes them ({@link
   * InputEncoder#withFeatures}), to {@code x [K, batch, nodes, hidden]}.
   */
  public NDArray encode(ParameterStore parameterStore, NDList inputs, boolean training) {
    return encoder.forward(parameterStore, inputs, training).singletonOrThrow();
  }

  /** The state before the first step: zeros shaped and owned like {@code x}. */
  public NDArray initialState(NDArray features) {
    return features.zerosLike();
  }

  /** {@code h [K, batch, nodes, hidden]}, {@code x} likewise, to the next {@code h}. */
  public NDArray step(ParameterStore parameterStore, NDArray state, NDArray features, boolean training) {
    return step.forward(parameterStore, new NDList(state, features), training).singletonOrThrow();
  }

  /** {@code h [K, batch, nodes, hidden]} to logits {@code [K, batch, nodes, labels]}. */
  public NDArray readout(ParameterStore parameterStore, NDArray state, boolean training) {
    return readout.apply(parameterStore, state, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = encode(parameterStore, inputs, training);
    NDArray state = initialState(features);
    NDList logits = new NDList(steps);
    for (int t = 0; t < steps; t++) {
      state = step(parameterStore, state, features, training);
      logits.add(readout(parameterStore, state, training));
    }
    return logits;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = new Shape[steps];
    Arrays.fill(shapes, inputShapes[0].add(labels));
    return shapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes);
    step.initialize(manager, dataType, new Shape(hidden), new Shape(hidden));
    readout.initialize(manager, dataType, new Shape(hidden));
    if (graphSampler != null) {
      graphSampler.initialize(manager, dataType, inputShapes[0]);
    }
  }
}
