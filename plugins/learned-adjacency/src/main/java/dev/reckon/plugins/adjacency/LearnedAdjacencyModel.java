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
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.BlockWeights;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
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
 * the entropy of the attention head. Checkpoints as {@link GraphNetworkModel}, with the sampler's
 * weights in {@code learned-adjacency-sampler.bin}.
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
  private static final String SAMPLER_FILE = ID + "-sampler.bin";

  private final SampledNeighbours neighbours = new SampledNeighbours();
  private AdjacencySampler sampler;

  /** @param context the settings ({@link LearnedAdjacencySettings}), the seed of weights and batches, the device */
  public LearnedAdjacencyModel(ModelContext context) {
    super(ID, LearnedAdjacencySettings.DECLARATIONS, context);
    LearnedAdjacencySettings.puzzlesPerBatch(settings);
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    LabelingDataset data = trainingData(List.of(training)).get(0);
    initialiseSampler(data.graph().nodes());
    int draws = settings.get(DRAWS);
    AdjacencyTrainer trainer = new AdjacencyTrainer(network, neighbours, sampler, store, settings,
        settings.get(NEIGHBOURS), draws, settings.get(ENTROPY_BONUS));
    BatchSampler batches = new BatchSampler(data.size(), LearnedAdjacencySettings.puzzlesPerBatch(settings),
        new SplittableRandom(seed));
    LearnedAdjacencyFlops flops = flops();
    TrainingLoop.run(manager, Training.cadence(settings), log, (scope, update) -> {
      int[] examples = IntStream.of(batches.next()).flatMap(puzzle -> IntStream.generate(() -> puzzle)
          .limit(draws)).toArray();
      AdjacencyTrainer.Update result = trainer.update(PuzzleBatch.of(scope, data, examples));
      return new UpdateOutcome(result.loss(), result.memoryMegabytes(),
          flops.trainingUpdate(examples.length, settings.get(STEPS))) {
        @Override
        public void logged(int member, TrainingLoop.Curves curves) {
          curves.record(ADVANTAGE_SPREAD, result.advantageSpread());
        }

        @Override
        public void evaluated(int member, TrainingLoop.Curves curves) {
          Accuracy accuracy = Accuracy.of(data, examples, result.lastLogits());
          curves.record(TrainingLog.trainingMetric("puzzle_accuracy"), accuracy.puzzles());
          curves.record(TrainingLog.trainingMetric("cell_accuracy"), accuracy.cells());
          NeighbourDraw.Agreement agreement = NeighbourDraw.agreement(
              NeighbourDraw.best(result.scores(), settings.get(NEIGHBOURS)), data.graph());
          curves.record(EDGE_PRECISION, agreement.precision());
          curves.record(EDGE_RECALL, agreement.recall());
          curves.record(HEAD_ENTROPY, result.entropy().getFloat());
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
        NDArray scores = sampler.forward(store, new NDList(givens), false).singletonOrThrow();
        neighbours.use(NeighbourDraw.best(scores, settings.get(NEIGHBOURS)));
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

  @Override
  public long parameterCount() {
    return super.parameterCount() + (sampler == null ? 0 : BlockWeights.count(sampler));
  }

  /**
   * The network for {@code graph}'s node count and {@code labels}: its edges are not read. The
   * sampler is made beside it.
   */
  @Override
  protected RecurrentRelationalNetwork newNetwork(ConstraintGraph graph, int labels) {
    sampler = new AdjacencySampler(graph.nodes(), labels, settings.get(SAMPLER_WIDTH), settings.get(READS_VALUES));
    return new RecurrentRelationalNetwork(seeds,
        InputEncoder.withoutGraph(seeds, graph.nodes(), labels, settings.get(HIDDEN), manager), neighbours, labels,
        settings.get(HIDDEN), settings.get(MESSAGE_WIDTH), settings.get(MESSAGE_LAYERS), unrolledSteps());
  }

  @Override
  protected int unrolledSteps() {
    return settings.get(STEPS);
  }

  /** Initialises the sampler once, after the network: both from the engine's generator at the model's seed. */
  private void initialiseSampler(int nodes) {
    if (!sampler.isInitialized()) {
      sampler.initialize(manager, DataType.FLOAT32, new Shape(settings.get(BATCH_SIZE), nodes));
    }
  }

  @Override
  public void save(Path directory) throws IOException {
    super.save(directory);
    BlockWeights.save(sampler, directory.resolve(SAMPLER_FILE));
  }

  @Override
  public void load(Path directory) throws IOException {
    super.load(directory);
    initialiseSampler(sampler.nodes());
    BlockWeights.load(sampler, manager, directory.resolve(SAMPLER_FILE), id);
  }
}
