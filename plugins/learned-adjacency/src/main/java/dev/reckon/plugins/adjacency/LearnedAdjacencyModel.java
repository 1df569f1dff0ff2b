package dev.reckon.plugins.adjacency;

import static dev.reckon.graphnets.GraphNetworkSettings.BATCH_SIZE;
import static dev.reckon.graphnets.GraphNetworkSettings.EVAL_BATCH_SIZE;
import static dev.reckon.graphnets.GraphNetworkSettings.HIDDEN;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_LAYERS;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_WIDTH;
import static dev.reckon.graphnets.RecurrentSettings.STEPS;
import static dev.reckon.plugins.adjacency.LearnedAdjacencySettings.DRAWS;
import static dev.reckon.plugins.adjacency.LearnedAdjacencySettings.ENTROPY_BONUS;
import static dev.reckon.plugins.adjacency.LearnedAdjacencySettings.NEIGHBOURS;
import static dev.reckon.plugins.adjacency.LearnedAdjacencySettings.READS_VALUES;
import static dev.reckon.plugins.adjacency.LearnedAdjacencySettings.SAMPLER_WIDTH;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.InputEncoder;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.graphnets.SampledNeighbours;
import dev.reckon.graphnets.SeedBatches;
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * A recurrent relational network that is not given the constraint graph (research note 000,
 * "Learning Graph Adjacencies Using Policy Gradients"). It knows the number of nodes and labels,
 * never the edges: positions are a learned vector per node ({@link InputEncoder#withoutGraph}),
 * and each batch's graph is drawn by the {@link AdjacencySampler}, k neighbours a node.
 *
 * <p>Training ({@link AdjacencyTrainer}) minimises the rrn's loss at every step plus the
 * score-function surrogate that teaches the sampler (REINFORCE with a leave-one-out baseline).
 *
 * <p>Evaluation uses each node's k best-scored neighbours, without noise. Beyond the usual curves
 * it records how far that graph agrees with the task's real one ({@link #EDGE_PRECISION}, {@link
 * #EDGE_RECALL}: read from the training data's graph for the record, never fed to the model) and
 * the entropy of the attention head. The sampler is a block of the network, so checkpoints are
 * {@link GraphNetworkModel}'s, the sampler's weights among the network's.
 *
 * <p>Seeds trained at once ({@link LearnedAdjacencyFactory#createGroup}): one network of K seeds,
 * its sampler included, each seed's batches drawn from its own training set in its own order, its
 * graphs from its own noise, its loss and Adam step its own.
 *
 * <p>Compute ({@link LearnedAdjacencyFlops}, the sampler included): {@link TrainingLog#TRAINING_FLOPS}
 * after every update's optimiser step, outside the gradient scope, and {@link
 * dev.reckon.api.Predictions#INFERENCE_FLOPS} at every iteration count.
 */
public final class LearnedAdjacencyModel extends GraphNetworkModel {
  public static final String ID = "learned-adjacency";
  /** The share of the evaluation graph's edges that are real edges of the task. */
  static final String EDGE_PRECISION = "edge_precision";
  /** The share of the task's real edges in the evaluation graph. */
  static final String EDGE_RECALL = "edge_recall";
  /** The attention head's mean entropy per node, in nats. */
  static final String HEAD_ENTROPY = "attention_entropy";
  /** The standard deviation over a batch of {@code loss - baseline} (see {@link AdjacencyTrainer}). */
  static final String ADVANTAGE_SPREAD = "advantage_sd";

  private final SampledNeighbours neighbours = new SampledNeighbours();
  private AdjacencySampler sampler;

  /**
   * @param context the settings ({@link LearnedAdjacencySettings}), the seed of the weights, the
   *     batch order and the draws, the device
   */
  public LearnedAdjacencyModel(ModelContext context) {
    this(List.of(context));
  }

  /** The seeds of {@code contexts} trained at once, as one network ({@link dev.reckon.kit.StackedGroup}). */
  public LearnedAdjacencyModel(List<ModelContext> contexts) {
    super(ID, LearnedAdjacencySettings.DECLARATIONS, contexts);
    LearnedAdjacencySettings.puzzlesPerBatch(settings);
  }

  @Override
  protected void train(List<Dataset> training, List<TrainingLog> logs) {
    List<LabelingDataset> data = trainingData(training);
    int draws = settings.get(DRAWS);
    AdjacencyTrainer trainer = new AdjacencyTrainer(network, neighbours, sampler, store, settings, seeds,
        settings.get(NEIGHBOURS), draws, settings.get(ENTROPY_BONUS));
    List<BatchSampler> puzzles = samplers(data, LearnedAdjacencySettings.puzzlesPerBatch(settings));
    long updateFlops = flops().trainingUpdate(settings.get(BATCH_SIZE), settings.get(STEPS));
    TrainingLoop.run(manager, Training.cadence(settings), logs, (scope, update) -> {
      // Each puzzle `draws` times in a row, each time with a graph of its own.
      List<int[]> examples = next(puzzles).stream().map(batch -> IntStream.of(batch)
          .flatMap(puzzle -> IntStream.generate(() -> puzzle).limit(draws)).toArray()).toList();
      AdjacencyTrainer.Update result = trainer.update(SeedBatches.puzzles(scope, data, examples));
      return new UpdateOutcome(result.loss(), result.memoryMegabytes(), updateFlops) {
        @Override
        public void logged(int member, TrainingLoop.Curves curves) {
          curves.record(ADVANTAGE_SPREAD, result.advantageSpread()[member]);
        }

        @Override
        public void evaluated(int member, TrainingLoop.Curves curves) {
          Accuracy accuracy = Accuracy.of(data.get(member), examples.get(member), result.lastLogits().get(member));
          curves.record(TrainingLog.trainingMetric("puzzle_accuracy"), accuracy.puzzles());
          curves.record(TrainingLog.trainingMetric("cell_accuracy"), accuracy.cells());
          NeighbourDraw.Agreement agreement = NeighbourDraw.agreement(
              NeighbourDraw.best(result.scores().get(member), settings.get(NEIGHBOURS)), data.get(member).graph());
          curves.record(EDGE_PRECISION, agreement.precision());
          curves.record(EDGE_RECALL, agreement.recall());
          curves.record(HEAD_ENTROPY, result.entropy().getFloat(member));
        }
      };
    });
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    LabelingDataset data = predictionInputs(inputs);
    int[] iterations = RecurrentSettings.readoutIterations(settings);
    int[][][] outputs = new int[iterations.length][data.size()][];
    for (int[] examples : batches(data.size(), settings.get(EVAL_BATCH_SIZE))) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray givens = PuzzleBatch.givens(scope, data, examples);
        NDArray scores = sampler.forward(store, new NDList(givens.expandDims(0)), false).singletonOrThrow();
        neighbours.use(NeighbourDraw.asOneBatch(NeighbourDraw.best(scores, settings.get(NEIGHBOURS))));
        unroll(data, examples, givens, iterations, outputs);
      }
    }
    return new LabelingPredictions(iterations, outputs,
        Predictions.inferenceFlops(iterations, flops()::inference, data.size()));
  }

  /** The model's {@link LearnedAdjacencyFlops}, once it is built. */
  LearnedAdjacencyFlops flops() {
    return LearnedAdjacencyFlops.of(sampler.nodes(), labels(), settings);
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.get(STEPS));
  }

  /**
   * The network for {@code graph}'s node count and {@code labels}: its edges are not read. The
   * sampler is made with it, one of its blocks.
   */
  @Override
  protected RecurrentRelationalNetwork newNetwork(ConstraintGraph graph, int labels) {
    sampler = new AdjacencySampler(seeds, graph.nodes(), labels, settings.get(SAMPLER_WIDTH),
        settings.get(READS_VALUES));
    return new RecurrentRelationalNetwork(seeds,
        InputEncoder.withoutGraph(seeds, graph.nodes(), labels, settings.get(HIDDEN), manager), neighbours, sampler,
        labels, settings.get(HIDDEN), settings.get(MESSAGE_WIDTH), settings.get(MESSAGE_LAYERS), unrolledSteps());
  }

  @Override
  protected int unrolledSteps() {
    return settings.get(STEPS);
  }
}
