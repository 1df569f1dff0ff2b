package dev.reckon.plugins.rrn;

import ai.djl.ndarray.NDManager;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.BatchSampler;
import dev.reckon.graphnets.GraphBatch;
import dev.reckon.graphnets.InputEncoder;
import dev.reckon.graphnets.Neighbours;
import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.PuzzleBatch;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.graphnets.StepwiseTrainer;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Graphs per example ({@link GraphLabelingDataset}): the same network with the givens and the
 * node features encoded ({@link InputEncoder#withFeatures}) and messages along each batch's graphs
 * ({@link GraphBatch}); its FLOPs are counted on the batch's padded node and slot counts. A grid
 * (a maze, a bit string) is read as such graphs: its lattice, the cells' values as features.
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
    if (graphsOf(training) instanceof GraphLabelingDataset graphs) {
      trainOnGraphs(graphs, log);
      return;
    }
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

  private void trainOnGraphs(GraphLabelingDataset training, TrainingLog log) {
    GraphLabelingDataset data = graphTrainingData(training);
    StepwiseTrainer trainer = new StepwiseTrainer(network, parameterStore, settings.learningRate(),
        settings.finalLearningRate(), settings.updates());
    BatchSampler sampler = new BatchSampler(data.size(), settings.batchSize(), new SplittableRandom(seed));
    int updates = settings.updates();
    long trainingFlops = 0;
    for (int update = 1; update <= updates; update++) {
      int[] examples = sampler.next();
      GraphNetworkFlops flops;
      try (NDManager scope = manager.newSubManager()) {
        GraphBatch batch = graphBatch(scope, data, examples, true);
        flops = flops(batch);
        StepwiseTrainer.Update result = trainer.update(batch);
        if (update % settings.logEvery() == 0 || update == updates) {
          log.record(update, TrainingLog.LOSS, result.loss().getFloat());
          log.record(update, TrainingLog.UPDATE_MEMORY, result.memoryMegabytes());
        }
        if (update % settings.evalEvery() == 0 || update == updates) {
          Accuracy accuracy = accuracyOf(data, examples, batch, result.lastLogits());
          log.record(update, TrainingLog.EXAMPLE_ACCURACY, accuracy.puzzles());
          log.record(update, TrainingLog.trainingMetric("node_accuracy"), accuracy.cells());
        }
      }
      // After the optimiser step and outside the gradient scope: the runner may predict from here.
      trainingFlops += flops.trainingUpdate(examples.length, settings.steps());
      log.record(update, TrainingLog.TRAINING_FLOPS, (double) trainingFlops);
      log.progress(update, updates);
    }
  }

  private LabelingPredictions predictOnGraphs(Dataset inputs) {
    GraphLabelingDataset data = graphPredictionInputs(inputs);
    int[] iterations = settings.readoutIterations();
    int[][][] outputs = new int[iterations.length][data.size()][];
    // What each example cost at each iteration count: its batch's padded arrays, shared out evenly.
    double[][] perExample = new double[iterations.length][data.size()];
    for (int[] examples : batches(data.size(), settings.evalBatchSize())) {
      try (NDManager scope = manager.newSubManager()) {
        GraphBatch batch = graphBatch(scope, data, examples, false);
        GraphNetworkFlops flops = flops(batch);
        for (int i = 0; i < iterations.length; i++) {
          for (int example : examples) {
            perExample[i][example] = flops.inference(iterations[i]);
          }
        }
        unroll(data, examples, batch, iterations, outputs);
      }
    }
    List<Score> measurements = new ArrayList<>();
    for (int i = 0; i < iterations.length; i++) {
      double total = 0;
      double least = Double.POSITIVE_INFINITY;
      double most = 0;
      for (double cost : perExample[i]) {
        total += cost;
        least = Math.min(least, cost);
        most = Math.max(most, cost);
      }
      // The mean over the examples; the interval is the range, as the cost is computed, not sampled.
      measurements.add(new Score(Predictions.INFERENCE_FLOPS, iterations[i], total / data.size(), data.size(),
          least, most));
    }
    return new LabelingPredictions(iterations, outputs, measurements);
  }

  /** The network's FLOPs on {@code batch}: its padded node and neighbour-slot counts. */
  GraphNetworkFlops flops(GraphBatch batch) {
    return GraphNetworkFlops.perExample(batch.nodes(), batch.slots(), featureCount(), labels(), settings.hidden(),
        settings.messageWidth(), settings.messageLayers());
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    if (graphsOf(inputs) instanceof GraphLabelingDataset graphs) {
      return predictOnGraphs(graphs);
    }
    LabelingDataset data = predictionInputs(inputs);
    int[] iterations = settings.readoutIterations();
    int[][][] outputs = new int[iterations.length][data.size()][];
    for (int[] examples : batches(data.size(), settings.evalBatchSize())) {
      try (NDManager scope = manager.newSubManager()) {
        unroll(data, examples, PuzzleBatch.givens(scope, data, examples), iterations, outputs);
      }
    }
    return new LabelingPredictions(iterations, outputs,
        Predictions.inferenceFlops(iterations, flops()::inference, data.size()));
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
  protected RecurrentRelationalNetwork newPerExampleNetwork(int labels, int features, Neighbours neighbours,
      RecurrentSettings settings) {
    return new RecurrentRelationalNetwork(InputEncoder.withFeatures(labels, features, settings.hidden()), neighbours,
        labels, settings.hidden(), settings.messageWidth(), settings.messageLayers(), settings.steps());
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
