package dev.reckon.plugins.dtnet;

import static dev.reckon.plugins.dtnet.DtNetSettings.TRAINED_ITERATIONS;
import static dev.reckon.plugins.dtnet.DtNetSettings.WIDTH;
import static dev.reckon.plugins.dtnet.GridConvolution.COMPUTE_TYPE;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.EngineScalar;
import dev.reckon.kit.NetworkModel;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import java.io.IOException;
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
 * <p>Curves, in the {@link TrainingLoop}: the loss and memory every {@code logEvery} updates; the
 * training batch's {@code example_accuracy} (every cell right) and {@code cell_accuracy} after m
 * passes every {@code evalEvery}, from a forward pass of their own after the update; the training
 * FLOPs ({@link DtNetFlops}) after every update.
 *
 * <p>Its shape, in the checkpoint: the grid format ({@code dimensions}, {@code channels}, {@code
 * labels}) and the variant's {@code recall}.
 */
final class DtNetModel extends NetworkModel<DeepThinkingNetwork> {
  /** The variant's: whether each pass reads the input again; a checkpoint's replaces it. */
  private boolean recall;
  private GridFormat format;

  /**
   * @param id the variant's id, in messages and checkpoint file names
   * @param declarations the variant's settings
   * @param recall whether the variant's passes read the input again
   * @param context the task (a {@link GridFormat}), settings, seed and device
   */
  DtNetModel(String id, Declarations declarations, boolean recall, ModelContext context) {
    super(id, declarations, context);
    if (!(context.task().format() instanceof GridFormat grid)) {
      throw new IllegalArgumentException(id + " reads grid tasks, not " + context.task().format().id());
    }
    format = grid;
    this.recall = recall;
  }

  @Override
  protected DeepThinkingNetwork newNetwork(Config shape) {
    return new DeepThinkingNetwork(shape.getInt("dimensions"), shape.getInt("channels"), settings.get(WIDTH),
        shape.getInt("labels"), shape.getBoolean("recall"));
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    GridDataset data = grids(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException(id + " trains on a dataset with answers");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int batchSize = settings.get(Training.BATCH_SIZE);
    build(shapeOf(format, recall), random.nextInt(), COMPUTE_TYPE, GridBatch.shape(data, format, batchSize));
    BatchSampler sampler = new BatchSampler(data.size(), batchSize, random.split());
    ProgressiveTrainer trainer = new ProgressiveTrainer(network, store, settings, flops(data), random.split());
    TrainingLoop.run(manager, Training.cadence(settings), log, (scope, update) -> {
      int[] examples = sampler.next();
      NDArray inputs = GridBatch.inputs(scope, data, format, examples).toType(COMPUTE_TYPE, false);
      return new Step(trainer.update(scope, inputs, GridBatch.targets(scope, data, examples)), data, examples, inputs);
    });
  }

  /** What an update measured; the training batch's accuracy computed only when the loop asks. */
  private final class Step implements TrainingLoop.Outcome {
    private final ProgressiveTrainer.Update update;
    private final GridDataset data;
    private final int[] examples;
    private final NDArray inputs;

    Step(ProgressiveTrainer.Update update, GridDataset data, int[] examples, NDArray inputs) {
      this.update = update;
      this.data = data;
      this.examples = examples;
      this.inputs = inputs;
    }

    @Override
    public double loss(int member) {
      return EngineScalar.value(update.loss());
    }

    @Override
    public double memoryMegabytes() {
      return update.memoryMegabytes();
    }

    @Override
    public long flops() {
      return update.flops();
    }

    /** The training batch's accuracy after m passes, with the weights the update left. */
    @Override
    public void evaluated(int member, TrainingLoop.Curves curves) {
      NDArray state = network.think(store, network.project(store, inputs, false), inputs,
          settings.get(TRAINED_ITERATIONS), false);
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
      curves.record(TrainingLog.EXAMPLE_ACCURACY, (double) solved / examples.length);
      curves.record(TrainingLog.trainingMetric("cell_accuracy"), (double) right / ((long) cells * examples.length));
    }
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    GridDataset data = grids(inputs);
    requireBuilt("predicts");
    int[] iterations = DtNetSettings.readoutIterations(settings);
    int evalBatchSize = settings.get(Training.EVAL_BATCH_SIZE);
    int[][][] labels = new int[iterations.length][data.size()][];
    for (int first = 0; first < data.size(); first += evalBatchSize) {
      int[] examples = IntStream.range(first, Math.min(first + evalBatchSize, data.size())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        think(scope, GridBatch.inputs(scope, data, format, examples).toType(COMPUTE_TYPE, false),
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
    return new DtNetFlops(data.cellCount(), format.dimensions(), format.channels(), settings.get(WIDTH),
        format.labels(), recall);
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.get(TRAINED_ITERATIONS));
  }

  /** Replaces this model's settings, format, recall and weights by the checkpoint's. */
  @Override
  public void load(Path directory) throws IOException {
    super.load(directory);
    Config shape = shape();
    format = new GridFormat(shape.getInt("dimensions"), shape.getInt("channels"), shape.getInt("labels"));
    recall = shape.getBoolean("recall");
  }

  /** The shape a network is built for: the grid format and the variant's recall. */
  private static Map<String, Object> shapeOf(GridFormat format, boolean recall) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("dimensions", format.dimensions());
    shape.put("channels", format.channels());
    shape.put("labels", format.labels());
    shape.put("recall", recall);
    return shape;
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
