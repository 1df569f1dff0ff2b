package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.Format;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.Model;
import dev.reckon.api.Support;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What every model built on a {@link RecurrentRelationalNetwork} shares: the network is built
 * when the graph is first seen, by training or by {@link #load}, and a checkpoint directory holds
 * three files, named after the model ({@code <name>} below):
 *
 * <ul>
 *   <li>{@code <name>-settings.json}: the settings as flat JSON;
 *   <li>{@code <name>-graph.txt}: the number of labels and of nodes, then one all-different group
 *       a line (node indices, space-separated);
 *   <li>{@code <name>-parameters.bin}: the parameters in DJL's block parameter format.
 * </ul>
 *
 * <p>A model that also takes graphs per example ({@link LabelingFormat.Graphs#PER_EXAMPLE}, a
 * {@link GraphLabelingDataset}) builds its network for the labels and the node features instead
 * ({@link #newPerExampleNetwork}), and runs it on {@link GraphBatch}es: its graph file is then the
 * line {@code per-example <labels> <features>}.
 *
 * <p>A subclass trains and predicts; it reads {@link #network}, {@link #parameterStore} and
 * {@link #settings}.
 *
 * @param <S> the model's settings
 */
public abstract class GraphNetworkModel<S> implements Model {
  private static final String PER_EXAMPLE = "per-example";
  private final String name;
  protected final long seed;
  protected final NDManager manager;
  protected S settings;
  protected RecurrentRelationalNetwork network;
  protected ParameterStore parameterStore;
  private ConstraintGraph graph;
  private int labels;
  /** Whether the network is built for graphs per example; then {@link #graph} is null. */
  private boolean perExample;
  private int featureCount;
  /** The neighbours the per-example network passes messages along: the current batch's. */
  private SampledNeighbours exampleNeighbours;

  /**
   * @param name the model's id, in messages and checkpoint file names
   * @param settings sizes and training schedule
   * @param seed seeds the initial weights and the batch order
   * @param device a DJL device name, {@code cpu} or {@code gpu0}
   */
  protected GraphNetworkModel(String name, S settings, long seed, String device) {
    this.name = requireNonNull(name, "name is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.seed = seed;
    this.manager = NDManager.newBaseManager(Device.fromName(requireNonNull(device, "device is null")));
  }

  /**
   * Whether the model {@code name} can do a task of {@code format}: its network is built for the
   * first graph it sees, so the task must label one graph shared by every example. Any constraint
   * will do: the network learns what a group demands from the training data.
   */
  public static Support support(String name, Format format) {
    if (!(format instanceof LabelingFormat labeling)) {
      return Support.no(name + " labels the nodes of a graph; this task's format is " + format.id());
    }
    if (labeling.graphs() != LabelingFormat.Graphs.SHARED) {
      return Support.no(name + " builds its network for one shared graph; this task has a graph per example");
    }
    return Support.yes();
  }

  /**
   * As {@link #support(String, Format)}, but a model that {@code takesGraphsPerExample} also does
   * tasks whose examples each bring their own graph, and grids (a maze, a bit string), read as the
   * graphs of their lattices ({@link #graphsOf}).
   */
  public static Support support(String name, Format format, boolean takesGraphsPerExample) {
    boolean perExample = format instanceof GridFormat || format instanceof LabelingFormat labeling
        && labeling.graphs() == LabelingFormat.Graphs.PER_EXAMPLE;
    if (takesGraphsPerExample && perExample) {
      return Support.yes();
    }
    return support(name, format);
  }

  /**
   * {@code data} as a model that takes graphs per example reads it: a grid as the graphs of its
   * lattice with the cells' values as node features ({@link GridDataset#asGraphs()}), which the
   * grid format declares answers spread along; anything else as it is.
   */
  protected static Dataset graphsOf(Dataset data) {
    return data instanceof GridDataset grids ? grids.asGraphs() : data;
  }

  /**
   * The network for graphs that differ per example, passing messages along {@code neighbours}
   * (pointed at each batch's graphs before its forward pass), its input encoding the given label
   * and {@code features} node features ({@link InputEncoder#withFeatures}). A model that does not
   * take graphs per example leaves this as it is.
   */
  protected RecurrentRelationalNetwork newPerExampleNetwork(int labels, int features, Neighbours neighbours,
      S settings) {
    throw new UnsupportedOperationException(name + " builds its network for one shared graph");
  }

  /** The network for {@code graph}, sized by {@code settings}, its constants owned by {@code manager}. */
  protected abstract RecurrentRelationalNetwork newNetwork(ConstraintGraph graph, int labels, S settings);

  /** The settings as flat JSON (see {@link FlatJson}). */
  protected abstract String settingsJson(S settings);

  /** Reads what {@link #settingsJson} wrote. */
  protected abstract S settingsFromJson(String json);

  /** The puzzles per training batch, the shape the weights are initialised for. */
  protected abstract int batchSize(S settings);

  /**
   * {@code training} as a labelling dataset with answers; builds and initialises the network at
   * the first call, and after that requires the same graph.
   */
  protected final LabelingDataset trainingData(Dataset training) {
    LabelingDataset data = labelling(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException(name + " trains on a dataset with answers");
    }
    if (network == null) {
      build(data.graph(), data.labels());
      manager.getEngine().setRandomSeed((int) (seed ^ (seed >>> 32)));
      network.initialize(manager, DataType.FLOAT32, new Shape(batchSize(settings), graph.nodes()));
      parameterStore = new ParameterStore(manager, false);
    } else {
      requireSameGraph(data);
    }
    return data;
  }

  /**
   * {@code training} as a dataset of graphs per example with answers; builds and initialises the
   * network at the first call, and after that requires the same labels and node features.
   */
  protected final GraphLabelingDataset graphTrainingData(Dataset training) {
    GraphLabelingDataset data = (GraphLabelingDataset) training;
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException(name + " trains on a dataset with answers");
    }
    if (network == null) {
      buildPerExample(data.labels(), GraphBatch.featureCount(data));
      manager.getEngine().setRandomSeed((int) (seed ^ (seed >>> 32)));
      Shape givens = new Shape(batchSize(settings), 1);
      if (featureCount == 0) {
        network.initialize(manager, DataType.FLOAT32, givens);
      } else {
        network.initialize(manager, DataType.FLOAT32, givens, new Shape(batchSize(settings), 1, featureCount));
      }
      parameterStore = new ParameterStore(manager, false);
    } else {
      requireSamePerExample(data);
    }
    return data;
  }

  /** {@code inputs} as a dataset of graphs per example for the trained network. */
  protected final GraphLabelingDataset graphPredictionInputs(Dataset inputs) {
    if (network == null) {
      throw new IllegalStateException(name + " predicts only after train or load");
    }
    requireSamePerExample((GraphLabelingDataset) inputs);
    return (GraphLabelingDataset) inputs;
  }

  /** Whether the network was built for graphs per example (a {@link GraphLabelingDataset}). */
  protected final boolean perExample() {
    return perExample;
  }

  /** The node features the per-example network encodes. */
  protected final int featureCount() {
    return featureCount;
  }

  /**
   * The examples at {@code examples} of {@code data} as a {@link GraphBatch} owned by {@code
   * scope}, the network's neighbours pointed at its graphs.
   */
  protected final GraphBatch graphBatch(NDManager scope, GraphLabelingDataset data, int[] examples,
      boolean withAnswers) {
    GraphBatch batch = GraphBatch.of(scope, data, examples, withAnswers);
    exampleNeighbours.use(batch.neighbours(), batch.slotMask());
    return batch;
  }

  /**
   * As {@link #unroll(LabelingDataset, int[], NDArray, int[], int[][][])} for a batch of graphs
   * per example made by {@link #graphBatch}.
   */
  protected final void unroll(GraphLabelingDataset data, int[] examples, GraphBatch batch, int[] iterations,
      int[][][] outputs) {
    unroll(network.encode(parameterStore, batch.inputs(), false), batch.givens().getManager(), iterations,
        (state, i) -> readOut(data, examples, batch, state, outputs[i]));
  }

  /**
   * The labels read out of {@code state} ({@code [batch, N, hidden]}, the state of {@code
   * examples} in {@code batch}), each given kept and the padding nodes dropped, into {@code
   * outputs} at each example's index.
   */
  protected final void readOut(GraphLabelingDataset data, int[] examples, GraphBatch batch, NDArray state,
      int[][] outputs) {
    long[] predicted = labelsOf(network.readout(parameterStore, state, false));
    for (int b = 0; b < examples.length; b++) {
      outputs[examples[b]] = labelsAt(data.givens()[examples[b]], predicted, b * batch.nodes());
    }
  }

  /** Whole-example and blank-node accuracy of logits {@code [batch, N, labels]} for a training batch. */
  protected static Accuracy accuracyOf(GraphLabelingDataset data, int[] examples, GraphBatch batch, NDArray logits) {
    long[] predicted = labelsOf(logits);
    int solved = 0;
    long right = 0;
    long blanks = 0;
    for (int b = 0; b < examples.length; b++) {
      int[] given = data.givens()[examples[b]];
      int[] output = labelsAt(given, predicted, b * batch.nodes());
      solved += Arrays.equals(output, data.solutions()[examples[b]]) ? 1 : 0;
      for (int node = 0; node < given.length; node++) {
        if (given[node] == 0) {
          blanks++;
          right += output[node] == data.solutions()[examples[b]][node] ? 1 : 0;
        }
      }
    }
    return new Accuracy((double) solved / examples.length, blanks == 0 ? 1 : (double) right / blanks);
  }

  /** {@code inputs} as a labelling dataset for the trained network. */
  protected final LabelingDataset predictionInputs(Dataset inputs) {
    LabelingDataset data = labelling(inputs);
    if (network == null) {
      throw new IllegalStateException(name + " predicts only after train or load");
    }
    requireSameGraph(data);
    return data;
  }

  /** The number of trainable weights, 0 before the network is built by training or loading. */
  @Override
  public long parameterCount() {
    if (network == null) {
      return 0;
    }
    return BlockWeights.count(network);
  }

  @Override
  public void save(Path directory) throws IOException {
    if (network == null) {
      throw new IllegalStateException(name + " saves only after train or load");
    }
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(settingsFile()), settingsJson(settings), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    if (perExample) {
      lines.add(PER_EXAMPLE + " " + labels + " " + featureCount);
    } else {
      lines.add(labels + " " + graph.nodes());
      for (int[] group : graph.groups()) {
        lines.add(Arrays.stream(group).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
      }
    }
    Files.write(directory.resolve(graphFile()), lines, StandardCharsets.UTF_8);
    BlockWeights.save(network, directory.resolve(parametersFile()));
  }

  /** Replaces this model's settings and weights by the checkpoint's. */
  @Override
  public void load(Path directory) throws IOException {
    S saved = settingsFromJson(Files.readString(directory.resolve(settingsFile()), StandardCharsets.UTF_8));
    List<String> lines = Files.readAllLines(directory.resolve(graphFile()), StandardCharsets.UTF_8);
    String[] header = lines.get(0).trim().split(" ");
    if (header[0].equals(PER_EXAMPLE)) {
      settings = saved;
      buildPerExample(Integer.parseInt(header[1]), Integer.parseInt(header[2]));
      loadWeights(network, directory.resolve(parametersFile()));
      parameterStore = new ParameterStore(manager, false);
      return;
    }
    List<int[]> groups = lines.stream().skip(1).filter(line -> !line.isBlank())
        .map(line -> Arrays.stream(line.trim().split(" ")).mapToInt(Integer::parseInt).toArray())
        .toList();
    settings = saved;
    build(new ConstraintGraph(Integer.parseInt(header[1]), groups), Integer.parseInt(header[0]));
    loadWeights(network, directory.resolve(parametersFile()));
    parameterStore = new ParameterStore(manager, false);
  }

  /** Replaces {@code block}'s weights, which this model's manager then owns, by those in {@code file}. */
  protected final void loadWeights(Block block, Path file) throws IOException {
    BlockWeights.load(block, manager, file, name);
  }

  /** Frees every array the model holds: parameters, optimiser state, graph constants. */
  @Override
  public void close() {
    network = null;
    parameterStore = null;
    manager.close();
  }

  /** The graph the network was built for; null before training or loading. */
  protected final ConstraintGraph graph() {
    return graph;
  }

  /** The number of labels the network was built for; 0 before training or loading. */
  protected final int labels() {
    return labels;
  }

  /** The model's long-lived manager; tests watch it to see that training memory stays flat. */
  public NDManager manager() {
    return manager;
  }

  private String settingsFile() {
    return name + "-settings.json";
  }

  private String graphFile() {
    return name + "-graph.txt";
  }

  private String parametersFile() {
    return name + "-parameters.bin";
  }

  /** Example indices {@code 0 .. size - 1} in consecutive batches of at most {@code batchSize}. */
  protected static List<int[]> batches(int size, int batchSize) {
    List<int[]> batches = new ArrayList<>();
    for (int first = 0; first < size; first += batchSize) {
      batches.add(IntStream.range(first, Math.min(first + batchSize, size)).toArray());
    }
    return batches;
  }

  /**
   * Runs the network on {@code givens} (those of {@code examples}, owned by a scope the caller
   * closes) for the largest of {@code iterations} steps, reading the labels out into {@code
   * outputs[i]} after {@code iterations[i]} steps.
   */
  protected final void unroll(LabelingDataset data, int[] examples, NDArray givens, int[] iterations,
      int[][][] outputs) {
    unroll(network.encode(parameterStore, givens, false), givens.getManager(), iterations,
        (state, i) -> readOut(data, examples, state, outputs[i]));
  }

  /**
   * Steps the network from its encoded {@code features} for the largest of {@code iterations},
   * handing the state after {@code iterations[i]} steps to {@code readOut} with {@code i}.
   */
  private void unroll(NDArray features, NDManager scope, int[] iterations, ObjIntConsumer<NDArray> readOut) {
    NDArray state = network.initialState(features);
    int next = 0;
    for (int step = 1; next < iterations.length; step++) {
      // Each step's intermediates land in a sub-scope closed at the step's end; only the new
      // state moves out, so memory does not grow with the number of steps.
      try (NDManager stepScope = scope.newSubManager()) {
        state.attach(stepScope);
        features.tempAttach(stepScope);
        state = network.step(parameterStore, state, features, false);
        if (step == iterations[next]) {
          readOut.accept(state, next);
          next++;
        }
        state.attach(scope);
      }
    }
  }

  /**
   * The labels read out of {@code state} ({@code [batch, nodes, hidden]}, the state of {@code
   * examples}), each given kept, into {@code outputs} at each example's index.
   */
  protected final void readOut(LabelingDataset data, int[] examples, NDArray state, int[][] outputs) {
    long[] predicted = labelsOf(network.readout(parameterStore, state, false));
    for (int b = 0; b < examples.length; b++) {
      outputs[examples[b]] = withGivens(data.givens()[examples[b]], predicted, b);
    }
  }

  /** Argmax labels {@code [batch * nodes]} (class indices) of logits {@code [batch, nodes, labels]}. */
  private static long[] labelsOf(NDArray logits) {
    return logits.argMax(-1).toLongArray();
  }

  /** Example {@code b}'s labels: each given kept, each blank its predicted label. */
  private static int[] withGivens(int[] given, long[] predicted, int b) {
    return labelsAt(given, predicted, b * given.length);
  }

  /** The labels of an example whose predictions start at {@code predicted[offset]}. */
  private static int[] labelsAt(int[] given, long[] predicted, int offset) {
    int[] labels = new int[given.length];
    for (int node = 0; node < given.length; node++) {
      labels[node] = given[node] != 0 ? given[node] : (int) predicted[offset + node] + 1;
    }
    return labels;
  }

  /** Blank-cell and whole-puzzle accuracy of logits {@code [batch, nodes, labels]} for training examples. */
  protected record Accuracy(double puzzles, double cells) {
    public static Accuracy of(LabelingDataset data, int[] examples, NDArray logits) {
      long[] predicted = labelsOf(logits);
      int solved = 0;
      long right = 0;
      long blanks = 0;
      for (int b = 0; b < examples.length; b++) {
        int[] given = data.givens()[examples[b]];
        int[] output = withGivens(given, predicted, b);
        boolean all = Arrays.equals(output, data.solutions()[examples[b]]);
        solved += all ? 1 : 0;
        for (int node = 0; node < given.length; node++) {
          if (given[node] == 0) {
            blanks++;
            right += output[node] == data.solutions()[examples[b]][node] ? 1 : 0;
          }
        }
      }
      return new Accuracy((double) solved / examples.length, blanks == 0 ? 1 : (double) right / blanks);
    }
  }

  private void build(ConstraintGraph newGraph, int newLabels) {
    if (network != null) {
      throw new IllegalStateException(name + " is already built; load a checkpoint into a fresh model");
    }
    graph = newGraph;
    labels = newLabels;
    network = newNetwork(graph, labels, settings);
  }

  private void buildPerExample(int newLabels, int features) {
    if (network != null) {
      throw new IllegalStateException(name + " is already built; load a checkpoint into a fresh model");
    }
    perExample = true;
    labels = newLabels;
    featureCount = features;
    exampleNeighbours = new SampledNeighbours();
    network = newPerExampleNetwork(labels, features, exampleNeighbours, settings);
  }

  private void requireSamePerExample(GraphLabelingDataset data) {
    if (!perExample || data.labels() != labels || GraphBatch.featureCount(data) != featureCount) {
      throw new IllegalArgumentException(name + " was built for " + (perExample ? "graphs per example with "
          + labels + " labels and " + featureCount + " node features" : "one shared graph") + "; this dataset differs");
    }
  }

  private void requireSameGraph(LabelingDataset data) {
    if (perExample) {
      throw new IllegalArgumentException(name + " was built for graphs per example; this dataset has one shared graph");
    }
    boolean same = data.labels() == labels
        && data.graph().nodes() == graph.nodes()
        && Arrays.equals(data.graph().edgeSources(), graph.edgeSources())
        && Arrays.equals(data.graph().edgeTargets(), graph.edgeTargets());
    if (!same) {
      throw new IllegalArgumentException(name + " was built for a graph of " + graph.nodes() + " nodes and "
          + labels + " labels; this dataset's graph differs");
    }
  }

  private LabelingDataset labelling(Dataset dataset) {
    if (dataset instanceof LabelingDataset data) {
      return data;
    }
    throw new IllegalArgumentException(name + " reads labelling datasets, got " + dataset.getClass().getSimpleName());
  }
}
