package dev.reckon.plugins.trm;

import static dev.reckon.kit.Training.BATCH_SIZE;
import static dev.reckon.kit.Training.EVAL_BATCH_SIZE;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.NetworkModel;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
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
 * <p>Training, in the {@link TrainingLoop}, records the loss and memory every {@code logEvery}
 * updates, the training batch's puzzle and cell accuracy every {@code evalEvery}, and the training
 * FLOPs after every update. Its shape, in the checkpoint: the {@code cells} and {@code labels}.
 *
 * <p>A model of K seeds ({@link TrmModelFactory#createGroup}) trains them in one network with a
 * leading seed axis, each seed on its own data, batches and curves; it predicts through each
 * seed's member, a model of that seed alone (K = 1), so prediction never sees the seed axis but as
 * its leading 1.
 */
final class TrmModel extends NetworkModel<TinyRecursiveNetwork> {
  static final String ID = "trm";

  /** @param context the settings, seed (of the initial weights and the batch order) and device */
  TrmModel(ModelContext context) {
    super(ID, TrmSettings.DECLARATIONS, context);
  }

  /** @param contexts the seeds trained at once, one slice each, sharing the settings and device */
  TrmModel(List<ModelContext> contexts) {
    super(ID, TrmSettings.DECLARATIONS, contexts);
  }

  @Override
  protected TinyRecursiveNetwork newNetwork(Config shape) {
    return new TinyRecursiveNetwork(seeds, shape.getInt("cells"), shape.getInt("labels"), settings);
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    train(List.of(training), List.of(log));
  }

  /**
   * Trains seed k on {@code training.get(k)}, its curves to {@code logs.get(k)}: every seed's batch
   * from its own sampler, seeded with the seed as in its run alone, all in one network.
   */
  @Override
  protected void train(List<Dataset> training, List<TrainingLog> logs) {
    List<LabelingDataset> data = training.stream().map(TrmModel::labelling).toList();
    if (!data.stream().allMatch(LabelingDataset::hasAnswers)) {
      throw new IllegalArgumentException(ID + " trains on a dataset with answers");
    }
    int batchSize = settings.get(BATCH_SIZE);
    if (!built()) {
      LabelingDataset first = data.get(0);
      Map<String, Object> shape = new LinkedHashMap<>();
      shape.put("cells", first.graph().nodes());
      shape.put("labels", first.labels());
      Shape sequence = new Shape(seeds.size(), batchSize, first.graph().nodes(), settings.get(TrmSettings.HIDDEN));
      build(shape, (int) (seed ^ (seed >>> 32)), DataType.FLOAT32, sequence, sequence, sequence);
    }
    data.forEach(this::requireSameShape);
    DeepSupervision supervision = new DeepSupervision(network, store, settings);
    List<BatchSampler> samplers = IntStream.range(0, seeds.size())
        .mapToObj(k -> new BatchSampler(data.get(k).size(), batchSize, new SplittableRandom(seeds.seed(k))))
        .toList();
    long updateFlops = TrmFlops.of(cells(), labels(), settings).trainingUpdate(batchSize);
    try (SupervisedBatches batches = new SupervisedBatches(manager, data, samplers, network,
        settings.get(TrmSettings.SUPERVISION_STEPS))) {
      TrainingLoop.run(manager, Training.cadence(settings), logs, (scope, update) -> {
        RecursionState state = batches.take(update, scope);
        PuzzleBatch batch = batches.puzzles(scope);
        DeepSupervision.Update result = supervision.update(batch, state);
        batches.keep(result.next());
        // The batch's accuracy only at the evaluation cadence, when the loop asks: once for all the seeds.
        return new UpdateOutcome(result.loss(), result.memoryMegabytes(), updateFlops) {
          private BatchAccuracy accuracy;

          @Override
          public void evaluated(int member, TrainingLoop.Curves curves) {
            if (accuracy == null) {
              accuracy = BatchAccuracy.of(batch, result.logits());
            }
            curves.record(TrainingLog.trainingMetric("puzzle_accuracy"), accuracy.puzzles()[member]);
            curves.record(TrainingLog.trainingMetric("cell_accuracy"), accuracy.cells()[member]);
          }
        };
      });
    }
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    LabelingDataset data = labelling(inputs);
    requireBuilt("predicts");
    if (seeds.size() != 1) {
      throw new IllegalStateException(ID + " of " + seeds.size() + " seeds predicts through each seed's member");
    }
    requireSameShape(data);
    int[] iterations = IntStream.rangeClosed(1, settings.get(TrmSettings.MAX_SUPERVISION)).toArray();
    int evalBatchSize = settings.get(EVAL_BATCH_SIZE);
    int recursions = settings.get(TrmSettings.RECURSIONS);
    int[][][] outputs = new int[iterations.length][data.size()][];
    for (int first = 0; first < data.size(); first += evalBatchSize) {
      int[] examples = IntStream.range(first, Math.min(first + evalBatchSize, data.size())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        NDArray givens = PuzzleBatch.givens(scope, data, examples).expandDims(0);
        NDArray x = network.embed(store, givens, false);
        RecursionState state = network.start(scope, examples.length);
        for (int i = 0; i < iterations.length; i++) {
          // Each supervision step's intermediates land in a scope closed at its end; only y and z
          // move out, so memory does not grow with the steps.
          try (NDManager stepScope = scope.newSubManager()) {
            state.attach(stepScope);
            for (int process = 0; process < recursions; process++) {
              state = network.recurse(store, x, state, false);
            }
            readAnswers(givens, network.readOut(store, state.answer(), false), examples, outputs[i]);
            state.attach(scope);
          }
        }
      }
    }
    TrmFlops flops = TrmFlops.of(cells(), labels(), settings);
    return new LabelingPredictions(iterations, outputs,
        Predictions.inferenceFlops(iterations, flops::inference, data.size()));
  }

  /** Each blank's most likely label and each given as it is, into {@code outputs} at each example's index. */
  private void readAnswers(NDArray givens, NDArray logits, int[] examples, int[][] outputs) {
    NDArray predicted = logits.argMax(-1).add(1);
    long[] answers = NDArrays.where(givens.gt(0), givens, predicted).toLongArray();
    int cells = cells();
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
    return OptionalInt.of(settings.get(TrmSettings.SUPERVISION_STEPS));
  }

  private int cells() {
    return shape().getInt("cells");
  }

  private int labels() {
    return shape().getInt("labels");
  }

  private void requireSameShape(LabelingDataset data) {
    if (data.graph().nodes() != cells() || data.labels() != labels()) {
      throw new IllegalArgumentException(ID + " was built for " + cells() + " cells and " + labels() + " labels; this"
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
