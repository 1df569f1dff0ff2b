package dev.reckon.plugins.dtnet;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.reckon.api.Dataset;
import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.BatchSampler;
import dev.reckon.graphnets.BlockWeights;
import dev.reckon.graphnets.FlatJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A {@link DeepThinkingNetwork} trained on one grid task by the {@link ProgressiveTrainer}; it
 * predicts by running the recurrence once per batch up to {@code maxIterations} passes and reading
 * out at every count of {@link DtNetSettings#readoutIterations}. Being fully convolutional, it
 * reads grids of any size: it trains on the small ones and is scored on larger ones.
 *
 * <p>Curves: {@link TrainingLog#LOSS} and {@link TrainingLog#UPDATE_MEMORY} every {@code logEvery}
 * updates; the training batch's {@code example_accuracy} (every cell right) and {@code
 * cell_accuracy} after m passes every {@code evalEvery}, from a forward pass of their own after
 * the update; {@link TrainingLog#TRAINING_FLOPS} ({@link DtNetFlops}) after every update's
 * optimiser step, outside the gradient scope, since the runner may predict from within that call.
 *
 * <p>Checkpoint: {@value #SETTINGS_FILE} (the settings and the variant's recall), {@value
 * #FORMAT_FILE} (the grid format) and {@value #PARAMETERS_FILE} (the weights in DJL's block
 * format).
 */
final class DtNetModel implements Model {
  static final String SETTINGS_FILE = "dt-net-settings.json";
  static final String FORMAT_FILE = "dt-net-format.json";
  static final String PARAMETERS_FILE = "dt-net-parameters.bin";

  private final String id;
  private final long seed;
  private final NDManager manager;
  /** Float64 on a CPU, float32 on a GPU: see {@link GridConvolution#computeType}. */
  private final DataType computeType;
  private DtNetSettings settings;
  private GridFormat format;
  private DeepThinkingNetwork network;
  private ParameterStore store;

  /**
   * @param id the variant's id, in messages
   * @param recall whether the variant's passes read the input again
   * @param context the task (a {@link GridFormat}), settings, seed and device
   */
  DtNetModel(String id, boolean recall, ModelContext context) {
    this.id = requireNonNull(id, "id is null");
    requireNonNull(context, "context is null");
    if (!(context.task().format() instanceof GridFormat grid)) {
      throw new IllegalArgumentException(id + " reads grid tasks, not " + context.task().format().id());
    }
    format = grid;
    settings = DtNetSettings.from(context.config(), recall);
    seed = context.seed();
    manager = NDManager.newBaseManager(Device.fromName(context.device()));
    computeType = GridConvolution.computeType(manager.getDevice());
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    GridDataset data = grids(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException(id + " trains on a dataset with answers");
    }
    SplittableRandom random = new SplittableRandom(seed);
    build();
    manager.getEngine().setRandomSeed(random.nextInt());
    int batchSize = settings.batchSize();
    network.initialize(manager, computeType, GridBatch.shape(data, format, batchSize));
    BatchSampler sampler = new BatchSampler(data.size(), batchSize, random.split());
    ProgressiveTrainer trainer = new ProgressiveTrainer(network, store, settings, flops(data), random.split());
    int updates = settings.updates();
    long trainingFlops = 0;
    for (int update = 1; update <= updates; update++) {
      int[] examples = sampler.next();
      try (NDManager scope = manager.newSubManager()) {
        NDArray inputs = GridBatch.inputs(scope, data, format, examples).toType(computeType, false);
        ProgressiveTrainer.Update result = trainer.update(scope, inputs, GridBatch.targets(scope, data, examples));
        trainingFlops += result.flops();
        if (update % settings.logEvery() == 0 || update == updates) {
          log.record(update, TrainingLog.LOSS, result.loss());
          log.record(update, TrainingLog.UPDATE_MEMORY, result.memoryMegabytes());
        }
        if (update % settings.evalEvery() == 0 || update == updates) {
          recordAccuracy(log, update, data, examples, inputs);
        }
      }
      // After the optimiser step and outside the gradient scope: the runner may predict from here.
      log.record(update, TrainingLog.TRAINING_FLOPS, (double) trainingFlops);
      log.progress(update, updates);
    }
  }

  /** The training batch's accuracy after m passes, with the weights the update left. */
  private void recordAccuracy(TrainingLog log, int update, GridDataset data, int[] examples, NDArray inputs) {
    NDArray state = network.think(store, network.project(store, inputs, false), inputs,
        settings.trainedIterations(), false);
    long[] predicted = GridBatch.labels(network.readOut(store, state, false));
    int cells = data.cellCount();
    int solved = 0;
    long right = 0;
    for (int b = 0; b < examples.length; b++) {
      int[] answer = data.answers()[examples[b]];
      int wrong = 0;
      for (int cell = 0; cell < cells; cell++) {
        wrong += predicted[b * cells + cell] == answer[cell] ? 0 : 1;
      }
      solved += wrong == 0 ? 1 : 0;
      right += cells - wrong;
    }
    log.record(update, TrainingLog.EXAMPLE_ACCURACY, (double) solved / examples.length);
    log.record(update, TrainingLog.trainingMetric("cell_accuracy"), (double) right / ((long) cells * examples.length));
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    GridDataset data = grids(inputs);
    if (network == null) {
      throw new IllegalStateException(id + " predicts only after train or load");
    }
    int[] iterations = settings.readoutIterations();
    int[][][] labels = new int[iterations.length][data.size()][];
    for (int first = 0; first < data.size(); first += settings.evalBatchSize()) {
      int[] examples = IntStream.range(first, Math.min(first + settings.evalBatchSize(), data.size())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        // In the type of training: see GridConvolution#computeType for float32 on a CPU.
        think(scope, GridBatch.inputs(scope, data, format, examples).toType(computeType, false),
            iterations, examples, labels);
      }
    }
    return new LabelingPredictions(iterations, labels,
        Predictions.inferenceFlops(iterations, flops(data)::forward, data.size()));
  }

  /**
   * Runs the recurrence on {@code x} up to the last of {@code iterations}, reading the labels of
   * {@code examples} out at each. Each pass's intermediates, and each read-out's, land in a
   * sub-scope closed at its end, only the state moving out, so memory does not grow with the passes.
   */
  private void think(NDManager scope, NDArray x, int[] iterations, int[] examples, int[][][] labels) {
    NDArray state = network.project(store, x, false);
    int done = 0;
    for (int i = 0; i < iterations.length; i++) {
      for (; done < iterations[i]; done++) {
        try (NDManager pass = scope.newSubManager()) {
          state.attach(pass);
          state = network.pass(store, state, x, false);
          state.attach(scope);
        }
      }
      try (NDManager readOut = scope.newSubManager()) {
        state.attach(readOut);
        long[] predicted = GridBatch.labels(network.readOut(store, state, false));
        state.attach(scope);
        int cells = Math.toIntExact(predicted.length / examples.length);
        for (int b = 0; b < examples.length; b++) {
          labels[i][examples[b]] = Arrays.stream(predicted, b * cells, (b + 1) * cells).mapToInt(Math::toIntExact)
              .toArray();
        }
      }
    }
  }

  /** The network's costs on the grids of {@code data}. */
  private DtNetFlops flops(GridDataset data) {
    return new DtNetFlops(data.cellCount(), format.dimensions(), format.channels(), settings.width(),
        format.labels(), settings.recall());
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.trainedIterations());
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
      throw new IllegalStateException(id + " saves only after train or load");
    }
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(SETTINGS_FILE), settings.toJson(), StandardCharsets.UTF_8);
    Map<String, Object> grid = new LinkedHashMap<>();
    grid.put("dimensions", format.dimensions());
    grid.put("channels", format.channels());
    grid.put("labels", format.labels());
    Files.writeString(directory.resolve(FORMAT_FILE), FlatJson.write(grid), StandardCharsets.UTF_8);
    BlockWeights.save(network, directory.resolve(PARAMETERS_FILE));
  }

  /** Replaces this model's settings, format and weights by the checkpoint's. */
  @Override
  public void load(Path directory) throws IOException {
    settings = DtNetSettings.fromJson(Files.readString(directory.resolve(SETTINGS_FILE), StandardCharsets.UTF_8));
    var grid = FlatJson.read(Files.readString(directory.resolve(FORMAT_FILE), StandardCharsets.UTF_8));
    format = new GridFormat(grid.getInt("dimensions"), grid.getInt("channels"), grid.getInt("labels"));
    build();
    BlockWeights.load(network, manager, directory.resolve(PARAMETERS_FILE), id);
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

  /** A network without weights, for this format and settings: training initialises them, loading reads them. */
  private void build() {
    if (network != null) {
      throw new IllegalStateException(id + " is already built; load a checkpoint into a fresh model");
    }
    network = new DeepThinkingNetwork(format.dimensions(), format.channels(), settings.width(), format.labels(),
        settings.recall());
    store = new ParameterStore(manager, false);
  }

  private GridDataset grids(Dataset dataset) {
    if (!(dataset instanceof GridDataset data)) {
      throw new IllegalArgumentException(id + " reads grid datasets, not " + dataset.getClass().getSimpleName());
    }
    if (data.labels() != format.labels() || (format.dimensions() == 1 && data.rows() != 1)
        || (data.size() > 0 && data.cells()[0][0].length != format.channels())) {
      throw new IllegalArgumentException(id + " was built for " + format.describe() + "; this dataset has "
          + data.rows() + " x " + data.columns() + " grids of " + data.labels() + " labels");
    }
    return data;
  }
}
