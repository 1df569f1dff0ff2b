package dev.reckon.plugins.rrn;

import ai.djl.ndarray.NDManager;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.BatchSampler;
import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.PuzzleBatch;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.graphnets.StepwiseTrainer;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A {@link RecurrentRelationalNetwork} trained on one task's constraint graph by unrolling T steps
 * with the loss at every step; it predicts by running any number of steps. Checkpoints as {@link
 * GraphNetworkModel}, with the files named {@code rrn-*}.
 *
 * <p>Compute: {@link TrainingLog#TRAINING_FLOPS} after every update's optimiser step, outside the
 * gradient scope, and {@link dev.reckon.api.Predictions#INFERENCE_FLOPS} at every iteration count,
 * by {@link GraphNetworkFlops}.
 */
public final class RrnModel extends GraphNetworkModel<RecurrentSettings> {
  public static final String ID = "rrn";

  /**
   * @param settings sizes and training schedule
   * @param seed seeds the initial weights and the batch order
   * @param device a DJL device name, {@code cpu} or {@code gpu0}
   */
  public RrnModel(RecurrentSettings settings, long seed, String device) {
    super(ID, settings, seed, device);
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    LabelingDataset data = trainingData(training);
    StepwiseTrainer trainer = new StepwiseTrainer(network, parameterStore, settings.learningRate(),
        settings.finalLearningRate(), settings.updates());
    BatchSampler sampler = new BatchSampler(data.size(), settings.batchSize(), new SplittableRandom(seed));
    int updates = settings.updates();
    GraphNetworkFlops flops = flops();
    long trainingFlops = 0;
    for (int update = 1; update <= updates; update++) {
      int[] examples = sampler.next();
      try (NDManager scope = manager.newSubManager()) {
        StepwiseTrainer.Update result = trainer.update(PuzzleBatch.of(scope, data, examples));
        if (update % settings.logEvery() == 0 || update == updates) {
          log.record(update, TrainingLog.LOSS, result.loss().getFloat());
          log.record(update, TrainingLog.UPDATE_MEMORY, result.memoryMegabytes());
        }
        if (update % settings.evalEvery() == 0 || update == updates) {
          Accuracy accuracy = Accuracy.of(data, examples, result.lastLogits());
          log.record(update, TrainingLog.trainingMetric("puzzle_accuracy"), accuracy.puzzles());
          log.record(update, TrainingLog.trainingMetric("cell_accuracy"), accuracy.cells());
        }
      }
      // After the optimiser step and outside the gradient scope: the runner may predict from here.
      trainingFlops += flops.trainingUpdate(examples.length, settings.steps());
      log.record(update, TrainingLog.TRAINING_FLOPS, (double) trainingFlops);
      log.progress(update, updates);
    }
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    LabelingDataset data = predictionInputs(inputs);
    int[] iterations = settings.readoutIterations();
    int[][][] outputs = new int[iterations.length][data.size()][];
    for (int[] examples : batches(data.size(), settings.evalBatchSize())) {
      try (NDManager scope = manager.newSubManager()) {
        unroll(data, examples, PuzzleBatch.givens(scope, data, examples), iterations, outputs);
      }
    }
    return new LabelingPredictions(iterations, outputs, inferenceFlops(iterations, flops()::inference, data.size()));
  }

  /** The network's {@link GraphNetworkFlops}, once it is built. */
  GraphNetworkFlops flops() {
    return GraphNetworkFlops.onGraph(graph(), labels(), settings.hidden(), settings.messageWidth(),
        settings.messageLayers());
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.steps());
  }

  @Override
  protected RecurrentRelationalNetwork newNetwork(ConstraintGraph graph, int labels, RecurrentSettings settings) {
    return new RecurrentRelationalNetwork(graph, labels, settings.hidden(), settings.messageWidth(),
        settings.messageLayers(), settings.steps(), manager);
  }

  @Override
  protected String settingsJson(RecurrentSettings settings) {
    return settings.toJson();
  }

  @Override
  protected RecurrentSettings settingsFromJson(String json) {
    return RecurrentSettings.fromJson(json);
  }

  @Override
  protected int batchSize(RecurrentSettings settings) {
    return settings.batchSize();
  }
}
