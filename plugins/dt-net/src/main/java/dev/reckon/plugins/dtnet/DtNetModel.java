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
import dev.reckon.kit.NetworkModel;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>A model of K seeds ({@link DtNetFactory#createGroup}) trains them in one network whose
 * convolutions are grouped by seed ({@link DeepThinkingNetwork}), each seed on its own data,
 * batches, pass counts and curves; it predicts through each seed's member, a model of that seed
 * alone (K = 1).
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
    this(id, declarations, recall, List.of(context));
  }

  /**
   * The seeds of {@code contexts} trained at once, as one network ({@link
   * dev.reckon.kit.StackedGroup}); one context is a model of its own.
   */
  DtNetModel(String id, Declarations declarations, boolean recall, List<ModelContext> contexts) {
    super(id, declarations, contexts);
    if (!(contexts.get(0).task().format() instanceof GridFormat grid)) {
      throw new IllegalArgumentException(id + " reads grid tasks, not " + contexts.get(0).task().format().id());
    }
    format = grid;
    this.recall = recall;
  }

  @Override
  protected DeepThinkingNetwork newNetwork(Config shape) {
    return new DeepThinkingNetwork(seeds, shape.getInt("dimensions"), shape.getInt("channels"), settings.get(WIDTH),
        shape.getInt("labels"), shape.getBoolean("recall"));
  }

  /**
   * Trains seed k on {@code training.get(k)}, its curves to {@code logs.get(k)}: each seed's batches
   * from its own sampler and its pass counts from its own stream, both split from its seed as in
   * its run alone, all in one network.
   */
  @Override
  protected void train(List<Dataset> training, List<TrainingLog> logs) {
    List<GridDataset> data = training.stream().map(this::grids).toList();
    for (int k = 0; k < data.size(); k++) {
      if (!data.get(k).hasAnswers()) {
        throw new IllegalArgumentException(id + " trains on a dataset with answers");
      }
      if (data.get(k).rows() != data.get(0).rows() || data.get(k).columns() != data.get(0).columns()) {
        throw new IllegalArgumentException(id + " trains a group's seeds on grids of one size; seed "
            + seeds.seed(k) + "'s are " + data.get(k).rows() + " x " + data.get(k).columns() + ", seed "
            + seed + "'s " + data.get(0).rows() + " x " + data.get(0).columns());
      }
    }
    int batchSize = settings.get(Training.BATCH_SIZE);
    List<BatchSampler> samplers = new ArrayList<>();
    List<SplittableRandom> passCounts = new ArrayList<>();
    for (int k = 0; k < data.size(); k++) {
      SplittableRandom random = new SplittableRandom(seeds.seed(k));
      samplers.add(new BatchSampler(data.get(k).size(), batchSize, random.split()));
      passCounts.add(random.split());
    }
    build(shapeOf(format, recall), (int) seed, COMPUTE_TYPE, GridBatch.shape(data.get(0), format, data.size(),
        batchSize));
    ProgressiveTrainer trainer = new ProgressiveTrainer(network, store, settings, flops(data.get(0)), passCounts);
    TrainingLoop.run(manager, Training.cadence(settings), logs, (scope, update) -> {
      List<int[]> examples = samplers.stream().map(BatchSampler::next).toList();
      NDArray inputs = GridBatch.inputs(scope, data, format, examples).toType(COMPUTE_TYPE, false);
      return new Step(trainer.update(scope, inputs, GridBatch.targets(scope, data, examples)), data, examples, inputs);
    });
  }

  /** What an update measured, each seed's own; the training batch's accuracy computed only when the loop asks. */
  private final class Step extends UpdateOutcome {
    private final long[] flops;
    private final List<GridDataset> data;
    private final List<int[]> examples;
    private final NDArray inputs;
    private long[] predicted;

    Step(ProgressiveTrainer.Update update, List<GridDataset> data, List<int[]> examples, NDArray inputs) {
      super(update.loss(), update.memoryMegabytes(), update.flops()[0]);
      this.flops = update.flops();
      this.data = data;
      this.examples = examples;
      this.inputs = inputs;
    }

    /** Seed {@code member}'s FLOPs at its own draw of n and k. */
    @Override
    public long flops(int member) {
      return flops[member];
    }

    /** Seed {@code member}'s training batch's accuracy after m passes, with the weights the update left. */
    @Override
    public void evaluated(int member, TrainingLoop.Curves curves) {
      if (predicted == null) {
        NDArray state = network.think(store, network.project(store, inputs, false), inputs,
            settings.get(TRAINED_ITERATIONS), false);
        predicted = GridBatch.labels(network.readOut(store, state, false), seeds.size());
      }
      GridDataset seedData = data.get(member);
      int[] batch = examples.get(member);
      int cells = seedData.cellCount();
      int solved = 0;
      long right = 0;
      for (int b = 0; b < batch.length; b++) {
        int[] answer = seedData.answers()[batch[b]];
        int wrong = 0;
        for (int cell = 0; cell < cells; cell++) {
          wrong += predicted[(member * batch.length + b) * cells + cell] == answer[cell] ? 0 : 1;
        }
        solved += wrong == 0 ? 1 : 0;
        right += cells - wrong;
      }
      curves.record(TrainingLog.EXAMPLE_ACCURACY, (double) solved / batch.length);
      curves.record(TrainingLog.trainingMetric("cell_accuracy"), (double) right / ((long) cells * batch.length));
    }
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    GridDataset data = grids(inputs);
    requireBuilt("predicts");
    if (seeds.size() != 1) {
      throw new IllegalStateException(id + " of " + seeds.size() + " seeds predicts through each seed's member");
    }
    int[] iterations = DtNetSettings.readoutIterations(settings);
    int evalBatchSize = settings.get(Training.EVAL_BATCH_SIZE);
    int[][][] labels = new int[iterations.length][data.size()][];
    for (int first = 0; first < data.size(); first += evalBatchSize) {
      int[] examples = IntStream.range(first, Math.min(first + evalBatchSize, data.size())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        think(scope, GridBatch.inputs(scope, List.of(data), format, List.of(examples)).toType(COMPUTE_TYPE, false),
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
        long[] predicted = GridBatch.labels(network.readOut(store, state, false), 1);
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
