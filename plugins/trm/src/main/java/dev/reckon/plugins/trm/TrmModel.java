package dev.reckon.plugins.trm;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.BatchSampler;
import dev.reckon.graphnets.BlockWeights;
import dev.reckon.graphnets.FlatJson;
import dev.reckon.graphnets.PuzzleBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A {@link TinyRecursiveNetwork} trained on one labelling task whose examples share a graph, by
 * {@link DeepSupervision}. It reads a puzzle as the sequence of its cells and ignores the graph's
 * groups: it must learn the rules from the answers. The network is built for the number of cells
 * and labels of the first data it sees.
 *
 * <p>Test-time compute: an iteration is one supervision step (T recursion processes, each n latent
 * updates and one answer update). Prediction runs {@code maxSupervision} of them and reads the
 * answer out after every one; {@link #trainedIterations()} is N_sup, the steps a training batch
 * got. Each count carries the {@link Predictions#INFERENCE_FLOPS} of one example ({@link TrmFlops}).
 *
 * <p>Training records {@link TrainingLog#LOSS} and {@link TrainingLog#UPDATE_MEMORY} every {@code
 * logEvery} updates, the training batch's puzzle and cell accuracy every {@code evalEvery}, and
 * {@link TrainingLog#TRAINING_FLOPS} after every update's optimiser step, outside the gradient
 * scope, since the runner may predict from within that call.
 *
 * <p>Checkpoint: {@value #SETTINGS_FILE} (the settings), {@value #SHAPE_FILE} (cells and labels)
 * and {@value #PARAMETERS_FILE} (the weights in DJL's block parameter format).
 */
final class TrmModel implements Model {
  static final String ID = "trm";
  static final String SETTINGS_FILE = "trm-settings.json";
  static final String SHAPE_FILE = "trm-shape.json";
  static final String PARAMETERS_FILE = "trm-parameters.bin";

  private final long seed;
  private final NDManager manager;
  private TrmSettings settings;
  private TinyRecursiveNetwork network;
  private ParameterStore store;
  private int cells;
  private int labels;

  /**
   * @param settings sizes and training schedule
   * @param seed seeds the initial weights and the batch order
   * @param device a DJL device name, {@code cpu} or {@code gpu0}
   */
  TrmModel(TrmSettings settings, long seed, String device) {
    this.settings = requireNonNull(settings, "settings is null");
    this.seed = seed;
    this.manager = NDManager.newBaseManager(Device.fromName(requireNonNull(device, "device is null")));
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    LabelingDataset data = labelling(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException(ID + " trains on a dataset with answers");
    }
    if (network == null) {
      build(data.graph().nodes(), data.labels());
      manager.getEngine().setRandomSeed((int) (seed ^ (seed >>> 32)));
      Shape sequence = new Shape(settings.batchSize(), cells, settings.hidden());
      network.initialize(manager, DataType.FLOAT32, sequence, sequence, sequence);
    } else {
      requireSameShape(data);
    }
    DeepSupervision supervision = new DeepSupervision(network, store, settings);
    BatchSampler sampler = new BatchSampler(data.size(), settings.batchSize(), new SplittableRandom(seed));
    TrmFlops flops = TrmFlops.of(cells, labels, settings);
    int updates = settings.updates();
    int[] examples = null;
    RecursionState state = null;
    NDManager batchScope = null;
    try {
      for (int update = 1; update <= updates; update++) {
        if ((update - 1) % settings.supervisionSteps() == 0) {
          if (batchScope != null) {
            batchScope.close();
          }
          examples = sampler.next();
          batchScope = manager.newSubManager();
          state = network.start(batchScope, examples.length);
        }
        // Each update's arrays live in a scope of their own; only the batch's next y and z move out.
        try (NDManager scope = batchScope.newSubManager()) {
          state.attach(scope);
          PuzzleBatch batch = PuzzleBatch.of(scope, data, examples);
          DeepSupervision.Update result = supervision.update(batch, state);
          if (update % settings.logEvery() == 0 || update == updates) {
            log.record(update, TrainingLog.LOSS, result.loss().getFloat());
            log.record(update, TrainingLog.UPDATE_MEMORY, result.memoryMegabytes());
          }
          if (update % settings.evalEvery() == 0 || update == updates) {
            BatchAccuracy accuracy = BatchAccuracy.of(batch, result.logits());
            log.record(update, TrainingLog.trainingMetric("puzzle_accuracy"), accuracy.puzzles());
            log.record(update, TrainingLog.trainingMetric("cell_accuracy"), accuracy.cells());
          }
          state = result.next();
          state.attach(batchScope);
        }
        // After the optimiser step and outside the gradient scope: the runner may predict from here.
        log.record(update, TrainingLog.TRAINING_FLOPS, (double) update * flops.trainingUpdate(settings.batchSize()));
        log.progress(update, updates);
      }
    } finally {
      if (batchScope != null) {
        batchScope.close();
      }
    }
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    LabelingDataset data = labelling(inputs);
    if (network == null) {
      throw new IllegalStateException(ID + " predicts only after train or load");
    }
    requireSameShape(data);
    int[] iterations = IntStream.rangeClosed(1, settings.maxSupervision()).toArray();
    int[][][] outputs = new int[iterations.length][data.size()][];
    for (int first = 0; first < data.size(); first += settings.evalBatchSize()) {
      int[] examples = IntStream.range(first, Math.min(first + settings.evalBatchSize(), data.size())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        NDArray givens = PuzzleBatch.givens(scope, data, examples);
        NDArray x = network.embed(store, givens, false);
        RecursionState state = network.start(scope, examples.length);
        for (int i = 0; i < iterations.length; i++) {
          // Each supervision step's intermediates land in a scope closed at its end; only y and z
          // move out, so memory does not grow with the steps.
          try (NDManager stepScope = scope.newSubManager()) {
            state.attach(stepScope);
            for (int process = 0; process < settings.recursions(); process++) {
              state = network.recurse(store, x, state, false);
            }
            readAnswers(givens, network.readOut(store, state.answer(), false), examples, outputs[i]);
            state.attach(scope);
          }
        }
      }
    }
    TrmFlops flops = TrmFlops.of(cells, labels, settings);
    return new LabelingPredictions(iterations, outputs,
        Predictions.inferenceFlops(iterations, flops::inference, data.size()));
  }

  /** Each blank's most likely label and each given as it is, into {@code outputs} at each example's index. */
  private void readAnswers(NDArray givens, NDArray logits, int[] examples, int[][] outputs) {
    NDArray predicted = logits.argMax(-1).add(1);
    long[] answers = NDArrays.where(givens.gt(0), givens, predicted).toLongArray();
    for (int b = 0; b < examples.length; b++) {
      int[] answer = new int[cells];
      for (int cell = 0; cell < cells; cell++) {
        answer[cell] = Math.toIntExact(answers[b * cells + cell]);
      }
      outputs[examples[b]] = answer;
    }
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.supervisionSteps());
  }

  /** The trainable weights; 0 before training or loading. */
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
      throw new IllegalStateException(ID + " saves only after train or load");
    }
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(SETTINGS_FILE), settings.toJson(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(SHAPE_FILE), FlatJson.write(new TreeMap<>(Map.of("cells", cells, "labels", labels))),
        StandardCharsets.UTF_8);
    BlockWeights.save(network, directory.resolve(PARAMETERS_FILE));
  }

  /** Replaces this model's settings and weights by the checkpoint's. */
  @Override
  public void load(Path directory) throws IOException {
    TrmSettings saved = TrmSettings.fromJson(Files.readString(directory.resolve(SETTINGS_FILE), StandardCharsets.UTF_8));
    Config shape = FlatJson.read(Files.readString(directory.resolve(SHAPE_FILE), StandardCharsets.UTF_8));
    settings = saved;
    build(shape.getInt("cells"), shape.getInt("labels"));
    BlockWeights.load(network, manager, directory.resolve(PARAMETERS_FILE), ID);
  }

  @Override
  public void close() {
    network = null;
    store = null;
    manager.close();
  }

  /** The manager that outlives every update; tests watch its array count stay flat while training. */
  NDManager manager() {
    return manager;
  }

  /** A network without weights for {@code newCells} and {@code newLabels}: training initialises them, loading reads them. */
  private void build(int newCells, int newLabels) {
    if (network != null) {
      throw new IllegalStateException(ID + " is already built; load a checkpoint into a fresh model");
    }
    cells = newCells;
    labels = newLabels;
    network = new TinyRecursiveNetwork(cells, labels, settings);
    store = new ParameterStore(manager, false);
  }

  private void requireSameShape(LabelingDataset data) {
    if (data.graph().nodes() != cells || data.labels() != labels) {
      throw new IllegalArgumentException(ID + " was built for " + cells + " cells and " + labels + " labels; this"
          + " dataset has " + data.graph().nodes() + " and " + data.labels());
    }
  }

  private static LabelingDataset labelling(Dataset dataset) {
    if (dataset instanceof LabelingDataset data) {
      return data;
    }
    throw new IllegalArgumentException(ID + " reads labelling datasets, got " + dataset.getClass().getSimpleName());
  }
}
