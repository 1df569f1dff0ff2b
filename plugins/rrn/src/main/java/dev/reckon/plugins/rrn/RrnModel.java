package dev.reckon.plugins.rrn;

import static dev.reckon.graphnets.GraphNetworkSettings.BATCH_SIZE;
import static dev.reckon.graphnets.GraphNetworkSettings.EVAL_BATCH_SIZE;
import static dev.reckon.graphnets.GraphNetworkSettings.HIDDEN;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_LAYERS;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_WIDTH;
import static dev.reckon.graphnets.RecurrentSettings.STEPS;

import ai.djl.ndarray.NDManager;
import dev.reckon.api.Dataset;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.GraphBatch;
import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.InputEncoder;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.graphnets.SeedBatches;
import dev.reckon.graphnets.StepwiseTrainer;
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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
 *
 * <p>Seeds trained at once ({@link RrnModelFactory#createGroup}): one network of K seeds, each
 * seed's batches drawn from its own training set in its own order, its loss and Adam step its own.
 */
public final class RrnModel extends GraphNetworkModel {
  public static final String ID = "rrn";

  /** @param context the settings ({@link RecurrentSettings}), the seed of the weights and batch order, the device */
  public RrnModel(ModelContext context) {
    super(ID, RecurrentSettings.DECLARATIONS, context);
  }

  /** The seeds of {@code contexts} trained at once, as one network ({@link dev.reckon.kit.StackedGroup}). */
  public RrnModel(List<ModelContext> contexts) {
    super(ID, RecurrentSettings.DECLARATIONS, contexts);
  }


  @Override
  protected void train(List<Dataset> training, List<TrainingLog> logs) {
    List<Dataset> read = graphsOf(training);
    if (read.get(0) instanceof GraphLabelingDataset) {
      trainOnGraphs(read, logs);
      return;
    }
    List<LabelingDataset> data = trainingData(training);
    StepwiseTrainer trainer = new StepwiseTrainer(network, store, settings);
    List<BatchSampler> samplers = samplers(data, settings.get(BATCH_SIZE));
    long updateFlops = flops().trainingUpdate(settings.get(BATCH_SIZE), settings.get(STEPS));
    TrainingLoop.run(manager, Training.cadence(settings), logs, (scope, update) -> {
      List<int[]> examples = next(samplers);
      StepwiseTrainer.Update result = trainer.update(SeedBatches.puzzles(scope, data, examples));
      return new UpdateOutcome(result.loss(), result.memoryMegabytes(), updateFlops) {
        @Override
        public void evaluated(int member, TrainingLoop.Curves curves) {
          Accuracy accuracy = Accuracy.of(data.get(member), examples.get(member), result.lastLogits().get(member));
          curves.record(TrainingLog.trainingMetric("puzzle_accuracy"), accuracy.puzzles());
          curves.record(TrainingLog.trainingMetric("cell_accuracy"), accuracy.cells());
        }
      };
    });
  }

  /**
   * Training on graphs per example: a seed's FLOPs are those of its slice of the group's batch,
   * padded to the largest graph of all the seeds' batches (alone, its own batch's).
   */
  private void trainOnGraphs(List<Dataset> training, List<TrainingLog> logs) {
    List<GraphLabelingDataset> data = graphTrainingData(training);
    StepwiseTrainer trainer = new StepwiseTrainer(network, store, settings);
    List<BatchSampler> samplers = samplers(data, settings.get(BATCH_SIZE));
    TrainingLoop.run(manager, Training.cadence(settings), logs, (scope, update) -> {
      List<int[]> examples = next(samplers);
      GraphBatch batch = graphBatch(scope, data, examples, true);
      GraphNetworkFlops flops = flops(batch);
      StepwiseTrainer.Update result = trainer.update(batch);
      return new UpdateOutcome(result.loss(), result.memoryMegabytes(),
          flops.trainingUpdate(batch.size(), settings.get(STEPS))) {
        @Override
        public void evaluated(int member, TrainingLoop.Curves curves) {
          Accuracy accuracy = accuracyOf(data.get(member), examples.get(member), batch,
              result.lastLogits().get(member));
          curves.record(TrainingLog.EXAMPLE_ACCURACY, accuracy.puzzles());
          curves.record(TrainingLog.trainingMetric("node_accuracy"), accuracy.cells());
        }
      };
    });
  }

  private LabelingPredictions predictOnGraphs(Dataset inputs) {
    GraphLabelingDataset data = graphPredictionInputs(inputs);
    int[] iterations = RecurrentSettings.readoutIterations(settings);
    int[][][] outputs = new int[iterations.length][data.size()][];
    // What each example cost at each iteration count: its batch's padded arrays, shared out evenly.
    double[][] perExample = new double[iterations.length][data.size()];
    for (int[] examples : batches(data.size(), settings.get(EVAL_BATCH_SIZE))) {
      try (NDManager scope = manager.newSubManager()) {
        GraphBatch batch = graphBatch(scope, data, examples);
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
    return GraphNetworkFlops.perExample(batch.nodes(), batch.slots(), featureCount(), labels(), settings.get(HIDDEN),
        settings.get(MESSAGE_WIDTH), settings.get(MESSAGE_LAYERS));
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    if (graphsOf(inputs) instanceof GraphLabelingDataset graphs) {
      return predictOnGraphs(graphs);
    }
    LabelingDataset data = predictionInputs(inputs);
    int[] iterations = RecurrentSettings.readoutIterations(settings);
    int[][][] outputs = new int[iterations.length][data.size()][];
    for (int[] examples : batches(data.size(), settings.get(EVAL_BATCH_SIZE))) {
      try (NDManager scope = manager.newSubManager()) {
        unroll(data, examples, PuzzleBatch.givens(scope, data, examples), iterations, outputs);
      }
    }
    return new LabelingPredictions(iterations, outputs,
        Predictions.inferenceFlops(iterations, flops()::inference, data.size()));
  }

  /** The network's {@link GraphNetworkFlops}, once it is built. */
  GraphNetworkFlops flops() {
    return GraphNetworkFlops.onGraph(graph(), labels(), settings.get(HIDDEN), settings.get(MESSAGE_WIDTH),
        settings.get(MESSAGE_LAYERS));
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.get(STEPS));
  }

  @Override
  protected int unrolledSteps() {
    return settings.get(STEPS);
  }
}
