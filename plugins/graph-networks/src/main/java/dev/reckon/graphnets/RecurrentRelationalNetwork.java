package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.kit.LinearLayers;
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
 * <ul>
 *   <li>input: {@code givens [batch, nodes]} int64, 0 for a blank; with an encoder of node
 *       features, also {@code features [batch, nodes, F]} float
 *   <li>output of {@link #forward}: {@code steps} arrays of logits {@code [batch, nodes, labels]},
 *       after step 1, 2, ..., {@code steps}
 * </ul>
 */
public final class RecurrentRelationalNetwork extends AbstractBlock {
  private final int labels;
  private final int hidden;
  private final int steps;
  private final InputEncoder encoder;
  private final RelationalStep step;
  private final Linear readout;

  /**
   * @param graph the constraint graph every example shares
   * @param labels the number of labels
   * @param hidden the node state and input feature size
   * @param messageWidth the message MLP's hidden layer size
   * @param messageLayers the message MLP's linear layers
   * @param steps the steps {@link #forward} unrolls
   * @param manager owns the graph's constant arrays
   */
  public RecurrentRelationalNetwork(ConstraintGraph graph, int labels, int hidden, int messageWidth,
      int messageLayers, int steps, NDManager manager) {
    this(new InputEncoder(graph, labels, hidden, manager), NeighbourSlots.of(graph, manager), labels, hidden,
        messageWidth, messageLayers, steps);
  }

  /**
   * A network whose positions and message paths are given apart: a model that learns its graph
   * passes {@link InputEncoder#withoutGraph} and {@link SampledNeighbours}.
   *
   * @param encoder turns the givens into the input features
   * @param neighbours who sends messages to whom
   */
  public RecurrentRelationalNetwork(InputEncoder encoder, Neighbours neighbours, int labels, int hidden,
      int messageWidth, int messageLayers, int steps) {
    this.labels = labels;
    this.hidden = hidden;
    this.steps = steps;
    this.encoder = addChildBlock("encoder", requireNonNull(encoder, "encoder is null"));
    this.step = addChildBlock("step", new RelationalStep(neighbours, hidden, messageWidth, messageLayers));
    this.readout = addChildBlock("readout", LinearLayers.of(labels));
  }

  /** {@code givens [batch, nodes]} int64 to {@code x [batch, nodes, hidden]}. */
  public NDArray encode(ParameterStore parameterStore, NDArray givens, boolean training) {
    return encode(parameterStore, new NDList(givens), training);
  }

  /**
   * The givens, and the node features when the encoder takes them ({@link
   * InputEncoder#withFeatures}), to {@code x [batch, nodes, hidden]}.
   */
  public NDArray encode(ParameterStore parameterStore, NDList inputs, boolean training) {
    return encoder.forward(parameterStore, inputs, training).singletonOrThrow();
  }

  /** The state before the first step: zeros shaped and owned like {@code x}. */
  public NDArray initialState(NDArray features) {
    return features.zerosLike();
  }

  /** {@code h [batch, nodes, hidden]}, {@code x} likewise, to the next {@code h}. */
  public NDArray step(ParameterStore parameterStore, NDArray state, NDArray features, boolean training) {
    return step.forward(parameterStore, new NDList(state, features), training).singletonOrThrow();
  }

  /** {@code h [batch, nodes, hidden]} to logits {@code [batch, nodes, labels]}. */
  public NDArray readout(ParameterStore parameterStore, NDArray state, boolean training) {
    return readout.forward(parameterStore, new NDList(state), training).singletonOrThrow();
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
    step.initialize(manager, dataType, new Shape(1, 1, hidden), new Shape(1, 1, hidden));
    readout.initialize(manager, dataType, new Shape(hidden));
  }
}
