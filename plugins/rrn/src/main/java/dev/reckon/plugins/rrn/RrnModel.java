package dev.reckon.plugins.rrn;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.TrainingLog;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A {@link RecurrentRelationalNetwork} trained on one task's constraint graph.
 *
 * <p>The network is built when the graph is first seen: by {@link #train}, or by {@link #load},
 * which reads it from the checkpoint. A checkpoint directory holds three files:
 *
 * <ul>
 *   <li>{@value #SETTINGS_FILE}: the {@link RrnSettings} as flat JSON;
 *   <li>{@value #GRAPH_FILE}: the number of labels and of nodes, then one all-different group a
 *       line (node indices, space-separated);
 *   <li>{@value #PARAMETERS_FILE}: the parameters in DJL's block parameter format.
 * </ul>
 */
public final class RrnModel implements Model {
  public static final String SETTINGS_FILE = "rrn-settings.json";
  public static final String GRAPH_FILE = "rrn-graph.txt";
  public static final String PARAMETERS_FILE = "rrn-parameters.bin";

  private final long seed;
  private final NDManager manager;
  private RrnSettings settings;
  private ConstraintGraph graph;
  private int labels;
  private RecurrentRelationalNetwork network;
  private ParameterStore parameterStore;

  /**
   * @param settings sizes and training schedule
   * @param seed seeds the initial weights and the batch order
   * @param device a DJL device name, {@code cpu} or {@code gpu0}
   */
  public RrnModel(RrnSettings settings, long seed, String device) {
    this.settings = requireNonNull(settings, "settings is null");
    this.seed = seed;
    this.manager = NDManager.newBaseManager(Device.fromName(requireNonNull(device, "device is null")));
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    LabelingDataset data = labelling(training);
    requireNonNull(log, "log is null");
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException("rrn trains on a dataset with answers");
    }
    if (network == null) {
      build(data.graph(), data.labels());
      manager.getEngine().setRandomSeed((int) (seed ^ (seed >>> 32)));
      network.initialize(manager, DataType.FLOAT32, new Shape(settings.batchSize(), graph.nodes()));
      parameterStore = new ParameterStore(manager, false);
    } else {
      requireSameGraph(data);
    }
    StepwiseTrainer trainer = new StepwiseTrainer(network, parameterStore, settings.learningRate(), settings.updates());
    BatchSampler sampler = new BatchSampler(data.size(), settings.batchSize(), new SplittableRandom(seed));
    int updates = settings.updates();
    for (int update = 1; update <= updates; update++) {
      int[] examples = sampler.next();
      try (NDManager scope = manager.newSubManager()) {
        StepwiseTrainer.Update result = trainer.update(PuzzleBatch.of(scope, data, examples));
        if (update % settings.logEvery() == 0 || update == updates) {
          log.record(update, "loss", result.loss().getFloat());
        }
        if (update % settings.evalEvery() == 0 || update == updates) {
          Accuracy accuracy = Accuracy.of(data, examples, labelsOf(result.lastLogits()));
          log.record(update, "train_puzzle_accuracy", accuracy.puzzles());
          log.record(update, "train_cell_accuracy", accuracy.cells());
        }
      }
      log.progress(update, updates);
    }
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    LabelingDataset data = labelling(inputs);
    if (network == null) {
      throw new IllegalStateException("rrn predicts only after train or load");
    }
    requireSameGraph(data);
    int[] iterations = settings.readoutIterations();
    int[][][] outputs = new int[iterations.length][data.size()][];
    for (int first = 0; first < data.size(); first += settings.evalBatchSize()) {
      int[] examples = IntStream.range(first, Math.min(first + settings.evalBatchSize(), data.size())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        NDArray features = network.encode(parameterStore, PuzzleBatch.givens(scope, data, examples), false);
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
              long[] predicted = labelsOf(network.readout(parameterStore, state, false));
              for (int b = 0; b < examples.length; b++) {
                outputs[next][examples[b]] = withGivens(data.givens()[examples[b]], predicted, b);
              }
              next++;
            }
            state.attach(scope);
          }
        }
      }
    }
    return new LabelingPredictions(iterations, outputs);
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.steps());
  }

  /** The number of trainable weights, 0 before the network is built by training or loading. */
  @Override
  public long parameterCount() {
    if (network == null) {
      return 0;
    }
    return network.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
  }

  @Override
  public void save(Path directory) throws IOException {
    if (network == null) {
      throw new IllegalStateException("rrn saves only after train or load");
    }
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(SETTINGS_FILE), settings.toJson(), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    lines.add(labels + " " + graph.nodes());
    for (int[] group : graph.groups()) {
      lines.add(Arrays.stream(group).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
    }
    Files.write(directory.resolve(GRAPH_FILE), lines, StandardCharsets.UTF_8);
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(Files.newOutputStream(directory.resolve(PARAMETERS_FILE))))) {
      network.saveParameters(out);
    }
  }

  /** Replaces this model's settings and weights by the checkpoint's. */
  @Override
  public void load(Path directory) throws IOException {
    RrnSettings saved = RrnSettings.fromJson(Files.readString(directory.resolve(SETTINGS_FILE), StandardCharsets.UTF_8));
    List<String> lines = Files.readAllLines(directory.resolve(GRAPH_FILE), StandardCharsets.UTF_8);
    String[] header = lines.get(0).trim().split(" ");
    List<int[]> groups = lines.stream().skip(1).filter(line -> !line.isBlank())
        .map(line -> Arrays.stream(line.trim().split(" ")).mapToInt(Integer::parseInt).toArray())
        .toList();
    settings = saved;
    build(new ConstraintGraph(Integer.parseInt(header[1]), groups), Integer.parseInt(header[0]));
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(directory.resolve(PARAMETERS_FILE))))) {
      network.loadParameters(manager, in);
    } catch (MalformedModelException e) {
      throw new IOException("malformed rrn parameters in " + directory + ": " + e.getMessage(), e);
    }
    // Loading replaces the weights without marking them trainable; mark them so train may go on.
    network.getParameters().values().forEach(parameter -> parameter.getArray().setRequiresGradient(true));
    parameterStore = new ParameterStore(manager, false);
  }

  /** Frees every array the model holds: parameters, optimiser state, graph constants. */
  @Override
  public void close() {
    network = null;
    parameterStore = null;
    manager.close();
  }

  /** The model's long-lived manager; tests watch it to see that training memory stays flat. */
  NDManager manager() {
    return manager;
  }

  private void build(ConstraintGraph newGraph, int newLabels) {
    if (network != null) {
      throw new IllegalStateException("rrn is already built; load a checkpoint into a fresh model");
    }
    graph = newGraph;
    labels = newLabels;
    network = new RecurrentRelationalNetwork(graph, labels, settings, manager);
  }

  private void requireSameGraph(LabelingDataset data) {
    boolean same = data.labels() == labels
        && data.graph().nodes() == graph.nodes()
        && Arrays.equals(data.graph().edgeSources(), graph.edgeSources())
        && Arrays.equals(data.graph().edgeTargets(), graph.edgeTargets());
    if (!same) {
      throw new IllegalArgumentException("rrn was built for a graph of " + graph.nodes() + " nodes and "
          + labels + " labels; this dataset's graph differs");
    }
  }

  private static LabelingDataset labelling(Dataset dataset) {
    if (dataset instanceof LabelingDataset data) {
      return data;
    }
    throw new IllegalArgumentException("rrn reads labelling datasets, got " + dataset.getClass().getSimpleName());
  }

  /** Argmax labels {@code [batch * nodes]} (class indices) of logits {@code [batch, nodes, labels]}. */
  private static long[] labelsOf(NDArray logits) {
    return logits.argMax(-1).toLongArray();
  }

  /** Example {@code b}'s labels: each given kept, each blank its predicted label. */
  private static int[] withGivens(int[] given, long[] predicted, int b) {
    int[] labels = new int[given.length];
    for (int node = 0; node < given.length; node++) {
      labels[node] = given[node] != 0 ? given[node] : (int) predicted[b * given.length + node] + 1;
    }
    return labels;
  }

  /** Blank-cell and whole-puzzle accuracy of class-index predictions for some training examples. */
  private record Accuracy(double puzzles, double cells) {
    static Accuracy of(LabelingDataset data, int[] examples, long[] predicted) {
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
}
