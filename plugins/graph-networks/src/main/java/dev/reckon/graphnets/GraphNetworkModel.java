package dev.reckon.graphnets;

import static dev.reckon.graphnets.GraphNetworkSettings.BATCH_SIZE;
import static dev.reckon.graphnets.GraphNetworkSettings.HIDDEN;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_LAYERS;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_WIDTH;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.Config;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.Format;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Support;
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.NetworkModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What every model built on a {@link RecurrentRelationalNetwork} shares beyond the kit's life
 * cycle ({@link NetworkModel}): the network is built for the graph first seen, by training or by
 * {@link #load}, and the checkpoint's shape ({@code <id>-shape.json}) is that graph: {@code labels},
 * {@code nodes} and its all-different {@code groups} as text, one group's node indices
 * space-separated, groups separated by commas.
 *
 * <p>A model that also takes graphs per example ({@link LabelingFormat.Graphs#PER_EXAMPLE}, a
 * {@link GraphLabelingDataset}) builds its network for the labels and the node features instead
 * ({@link #newPerExampleNetwork}), and runs it on {@link GraphBatch}es: its shape is then {@code
 * perExample}, {@code labels} and {@code features}.
 *
 * <p>The network stacks K seeds ({@link dev.reckon.kit.SeedAxis}, {@link #seeds}): a model of its
 * own is K = 1, a {@link dev.reckon.kit.StackedGroup}'s trains K at once, seed k on its own
 * training set ({@link #trainingData(List)}), which must have the graph (or, per example, the
 * labels and node features) of every other seed's. It predicts only as K = 1.
 *
 * <p>A subclass trains and predicts; it reads {@link #network}, {@link #store} and {@link
 * #settings}, whose {@link GraphNetworkSettings#BATCH_SIZE} is the batch the weights are
 * initialised for.
 */
public abstract class GraphNetworkModel extends NetworkModel<RecurrentRelationalNetwork> {
  private static final String PER_EXAMPLE = "perExample";
  private static final String LABELS = "labels";
  private static final String NODES = "nodes";
  private static final String GROUPS = "groups";
  private static final String FEATURES = "features";
  private ConstraintGraph graph;
  private int labels;
  /** Whether the network is built for graphs per example; then {@link #graph} is null. */
  private boolean perExample;
  private int featureCount;
  /** The neighbours the per-example network passes messages along: the current batch's. */
  private SampledNeighbours exampleNeighbours;

  /**
   * @param id the model's id, in messages and checkpoint file names
   * @param declarations the settings the model reads, the graph network's among them
   * @param context the cell's config, seed (the initial weights and the batch order) and device
   */
  protected GraphNetworkModel(String id, Declarations declarations, ModelContext context) {
    super(id, declarations, context);
  }

  /**
   * A model of one seed per context, trained at once; the contexts share the settings.
   *
   * @param id the model's id, in messages and checkpoint file names
   * @param declarations the settings the model reads, the graph network's among them
   * @param contexts each seed's config, seed and device
   */
  protected GraphNetworkModel(String id, Declarations declarations, List<ModelContext> contexts) {
    super(id, declarations, contexts);
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
   * and {@code features} node features ({@link InputEncoder#withFeatures}). Reached only by a model
   * whose support takes graphs per example.
   */
  protected RecurrentRelationalNetwork newPerExampleNetwork(int labels, int features, Neighbours neighbours) {
    return new RecurrentRelationalNetwork(seeds, InputEncoder.withFeatures(seeds, labels, features,
        settings.get(HIDDEN)), neighbours, null, labels, settings.get(HIDDEN), settings.get(MESSAGE_WIDTH),
        settings.get(MESSAGE_LAYERS), unrolledSteps());
  }

  /** The network for {@code graph}, sized by {@link #settings}, its constants owned by {@link #manager}. */
  protected RecurrentRelationalNetwork newNetwork(ConstraintGraph graph, int labels) {
    return new RecurrentRelationalNetwork(seeds, graph, labels, settings.get(HIDDEN), settings.get(MESSAGE_WIDTH),
        settings.get(MESSAGE_LAYERS), unrolledSteps(), manager);
  }

  /** The steps the network unrolls with gradients in training: the rrn's T, the DEQ's k after its solve. */
  protected abstract int unrolledSteps();

  /** The network for {@code shape}: a shared graph's, or graphs per example's. */
  @Override
  protected final RecurrentRelationalNetwork newNetwork(Config shape) {
    labels = shape.getInt(LABELS);
    if (shape.getBoolean(PER_EXAMPLE)) {
      perExample = true;
      featureCount = shape.getInt(FEATURES);
      exampleNeighbours = new SampledNeighbours();
      return newPerExampleNetwork(labels, featureCount, exampleNeighbours);
    }
    graph = new ConstraintGraph(shape.getInt(NODES), groupsOf(shape.getString(GROUPS)));
    return newNetwork(graph, labels);
  }

  /**
   * Each seed's training set as a model of graphs per example reads it ({@link #graphsOf}).
   */
  protected static List<Dataset> graphsOf(List<Dataset> training) {
    return training.stream().map(GraphNetworkModel::graphsOf).toList();
  }

  /**
   * Each seed's {@code training} set as a labelling dataset with answers, seed k's at k; builds and
   * initialises the network at the first call for their graph, which every seed's set must share,
   * and after that requires the same graph.
   */
  protected final List<LabelingDataset> trainingData(List<Dataset> training) {
    List<LabelingDataset> data = new ArrayList<>();
    for (int k = 0; k < training.size(); k++) {
      LabelingDataset seedData = labelling(training.get(k), k);
      if (!seedData.hasAnswers()) {
        throw new IllegalArgumentException(id + " trains on a dataset with answers" + ofSeed(k));
      }
      data.add(seedData);
    }
    if (!built()) {
      LabelingDataset first = data.get(0);
      Map<String, Object> shape = new LinkedHashMap<>();
      shape.put(PER_EXAMPLE, false);
      shape.put(LABELS, first.labels());
      shape.put(NODES, first.graph().nodes());
      shape.put(GROUPS, groupsText(first.graph().groups()));
      build(shape, engineSeed(), DataType.FLOAT32,
          new Shape(seeds.size(), settings.get(BATCH_SIZE), first.graph().nodes()));
    }
    for (int k = 0; k < data.size(); k++) {
      requireSameGraph(data.get(k), k);
    }
    return data;
  }

  /**
   * Each seed's {@code training} set as a dataset of graphs per example with answers; builds and
   * initialises the network at the first call for their labels and node features, which every
   * seed's set must share, and after that requires the same.
   */
  protected final List<GraphLabelingDataset> graphTrainingData(List<Dataset> training) {
    List<GraphLabelingDataset> data = new ArrayList<>();
    for (int k = 0; k < training.size(); k++) {
      if (!(training.get(k) instanceof GraphLabelingDataset seedData) || !seedData.hasAnswers()) {
        throw new IllegalArgumentException(id + " trains on graphs per example with answers" + ofSeed(k));
      }
      data.add(seedData);
    }
    if (!built()) {
      int features = GraphBatch.featureCount(data.get(0));
      Map<String, Object> shape = new LinkedHashMap<>();
      shape.put(PER_EXAMPLE, true);
      shape.put(LABELS, data.get(0).labels());
      shape.put(FEATURES, features);
      Shape givens = new Shape(seeds.size(), settings.get(BATCH_SIZE), 1);
      Shape[] inputs = features == 0 ? new Shape[] {givens} : new Shape[] {givens, givens.add(features)};
      build(shape, engineSeed(), DataType.FLOAT32, inputs);
    }
    for (int k = 0; k < data.size(); k++) {
      requireSamePerExample(data.get(k), k);
    }
    return data;
  }

  /**
   * One batch sampler per seed over its own training set, {@code data.get(k)}, each
   * drawing from a generator seeded with its seed, as a model of that seed alone draws.
   */
  protected final List<BatchSampler> samplers(List<? extends Dataset> data, int batchSize) {
    List<BatchSampler> samplers = new ArrayList<>();
    for (int k = 0; k < data.size(); k++) {
      samplers.add(new BatchSampler(data.get(k).size(), batchSize, new SplittableRandom(seeds.seed(k))));
    }
    return samplers;
  }

  /** Each seed's next batch of example indices. */
  protected static List<int[]> next(List<BatchSampler> samplers) {
    return samplers.stream().map(BatchSampler::next).toList();
  }

  /** {@code inputs} as a dataset of graphs per example for the trained network. */
  protected final GraphLabelingDataset graphPredictionInputs(Dataset inputs) {
    requireBuilt("predicts");
    requireSamePerExample((GraphLabelingDataset) inputs, 0);
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
   * Seed k's examples at {@code examples.get(k)} of {@code data.get(k)}, for every k, as a {@link
   * GraphBatch} owned by {@code scope}, the network's neighbours pointed at its graphs (the K
   * seeds' batches as one batch of {@code K * B}).
   */
  protected final GraphBatch graphBatch(NDManager scope, List<GraphLabelingDataset> data, List<int[]> examples,
      boolean withAnswers) {
    GraphBatch batch = GraphBatch.of(scope, data, examples, withAnswers);
    long examplesAll = (long) batch.seeds() * batch.size();
    exampleNeighbours.use(batch.neighbours().reshape(examplesAll, batch.nodes(), batch.slots()),
        batch.slotMask().reshape(examplesAll, batch.nodes(), batch.slots(), 1));
    return batch;
  }

  /** The examples at {@code examples} of {@code data} as a {@link GraphBatch} of one seed, for prediction. */
  protected final GraphBatch graphBatch(NDManager scope, GraphLabelingDataset data, int[] examples) {
    return graphBatch(scope, List.of(data), List.of(examples), false);
  }

  /**
   * As {@link #unroll(LabelingDataset, int[], NDArray, int[], int[][][])} for a batch of graphs
   * per example made by {@link #graphBatch}.
   */
  protected final void unroll(GraphLabelingDataset data, int[] examples, GraphBatch batch, int[] iterations,
      int[][][] outputs) {
    unroll(network.encode(store, batch.inputs(), false), batch.givens().getManager(), iterations,
        (state, i) -> readOut(data, examples, batch, state, outputs[i]));
  }

  /**
   * The labels read out of {@code state} ({@code [1, batch, N, hidden]}, the state of {@code
   * examples} in {@code batch}), each given kept and the padding nodes dropped, into {@code
   * outputs} at each example's index.
   */
  protected final void readOut(GraphLabelingDataset data, int[] examples, GraphBatch batch, NDArray state,
      int[][] outputs) {
    long[] predicted = labelsOf(network.readout(store, state, false));
    for (int b = 0; b < examples.length; b++) {
      outputs[examples[b]] = labelsAt(data.givens()[examples[b]], predicted, b * batch.nodes());
    }
  }

  /**
   * Whole-example and blank-node accuracy of one seed's logits {@code [batch, N, labels]} for its
   * training batch, {@code examples} of {@code data}.
   */
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
    LabelingDataset data = labelling(inputs, 0);
    requireBuilt("predicts");
    requireSameGraph(data, 0);
    return data;
  }

  /** The graph the network was built for; null before training or loading. */
  protected final ConstraintGraph graph() {
    return graph;
  }

  /** The number of labels the network was built for; 0 before training or loading. */
  protected final int labels() {
    return labels;
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
   * Runs the network of one seed on {@code givens} ({@code [batch, nodes]}, those of {@code
   * examples}, owned by a scope the caller closes) for the largest of {@code iterations} steps,
   * reading the labels out into {@code outputs[i]} after {@code iterations[i]} steps.
   */
  protected final void unroll(LabelingDataset data, int[] examples, NDArray givens, int[] iterations,
      int[][][] outputs) {
    unroll(network.encode(store, givens.expandDims(0), false), givens.getManager(), iterations,
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
        state = network.step(store, state, features, false);
        if (step == iterations[next]) {
          readOut.accept(state, next);
          next++;
        }
        state.attach(scope);
      }
    }
  }

  /**
   * The labels read out of {@code state} ({@code [1, batch, nodes, hidden]}, the state of {@code
   * examples}), each given kept, into {@code outputs} at each example's index.
   */
  protected final void readOut(LabelingDataset data, int[] examples, NDArray state, int[][] outputs) {
    long[] predicted = labelsOf(network.readout(store, state, false));
    for (int b = 0; b < examples.length; b++) {
      outputs[examples[b]] = withGivens(data.givens()[examples[b]], predicted, b);
    }
  }

  /** Argmax labels {@code [batch * nodes]} (class indices) of logits {@code [(1,) batch, nodes, labels]}. */
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

  /**
   * The engine's seed, set before the network is initialised: the model's seed folded to 32 bits.
   * The network's weights come from the seeds' own streams, and nothing of the graph networks'
   * draws from the engine's generator (the learned adjacency draws its graphs from each seed's own
   * generator too), which is seeded all the same.
   */
  private int engineSeed() {
    return (int) (seed ^ (seed >>> 32));
  }

  /** {@code groups} as the shape's text: a group's nodes space-separated, groups comma-separated. */
  private static String groupsText(List<int[]> groups) {
    return groups.stream()
        .map(group -> Arrays.stream(group).mapToObj(Integer::toString).collect(Collectors.joining(" ")))
        .collect(Collectors.joining(","));
  }

  /** Reads what {@link #groupsText} wrote. */
  private static List<int[]> groupsOf(String text) {
    return Arrays.stream(text.split(",")).filter(group -> !group.isBlank())
        .map(group -> Arrays.stream(group.trim().split(" ")).mapToInt(Integer::parseInt).toArray())
        .toList();
  }

  /** Throws unless {@code data}, seed k's (or the one being predicted, k 0), has the network's labels and features. */
  private void requireSamePerExample(GraphLabelingDataset data, int k) {
    if (!perExample || data.labels() != labels || GraphBatch.featureCount(data) != featureCount) {
      throw new IllegalArgumentException(id + " was built for " + (perExample ? "graphs per example with "
          + labels + " labels and " + featureCount + " node features" : "one shared graph") + "; this dataset"
          + ofSeed(k) + " differs");
    }
  }

  /** Throws unless {@code data}, seed k's (or the one being predicted, k 0), has the network's graph. */
  private void requireSameGraph(LabelingDataset data, int k) {
    if (perExample) {
      throw new IllegalArgumentException(id + " was built for graphs per example; this dataset" + ofSeed(k)
          + " has one shared graph");
    }
    boolean same = data.labels() == labels
        && data.graph().nodes() == graph.nodes()
        && Arrays.equals(data.graph().edgeSources(), graph.edgeSources())
        && Arrays.equals(data.graph().edgeTargets(), graph.edgeTargets());
    if (!same) {
      throw new IllegalArgumentException(id + " was built for a graph of " + graph.nodes() + " nodes and "
          + labels + " labels; this dataset" + ofSeed(k) + " has a graph that differs");
    }
  }

  /** In a group of seeds, {@code " (seed s's)"} naming slice k's seed; alone, nothing. */
  private String ofSeed(int k) {
    return seeds.size() == 1 ? "" : " (seed " + seeds.seed(k) + "'s)";
  }

  private LabelingDataset labelling(Dataset dataset, int k) {
    if (dataset instanceof LabelingDataset data) {
      return data;
    }
    throw new IllegalArgumentException(id + " reads labelling datasets, got " + dataset.getClass().getSimpleName()
        + ofSeed(k));
  }
}
