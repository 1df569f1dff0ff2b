package dev.reckon.plugins.adjacency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.BatchSampler;
import dev.reckon.graphnets.BlockWeights;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.InputEncoder;
import dev.reckon.graphnets.PuzzleBatch;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.graphnets.SampledNeighbours;
import java.io.IOException;
import java.nio.file.Path;
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
public final class LearnedAdjacencyModel extends GraphNetworkModel<LearnedAdjacencySettings> {
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

  public LearnedAdjacencyModel(LearnedAdjacencySettings settings, long seed, String device) {
    super(ID, settings, seed, device);
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    LabelingDataset data = trainingData(training);
    initialiseSampler(data.graph().nodes());
    RecurrentSettings schedule = settings.network();
    AdjacencyTrainer trainer = new AdjacencyTrainer(network, neighbours, sampler, parameterStore, schedule,
        settings.neighbours(), settings.draws(), settings.entropyBonus());
    BatchSampler batches = new BatchSampler(data.size(), schedule.batchSize() / settings.draws(),
        new SplittableRandom(seed));
    LearnedAdjacencyFlops flops = flops();
    long trainingFlops = 0;
    for (int update = 1; update <= schedule.updates(); update++) {
      int[] examples = IntStream.of(batches.next()).flatMap(puzzle -> IntStream.generate(() -> puzzle)
          .limit(settings.draws())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        AdjacencyTrainer.Update result = trainer.update(PuzzleBatch.of(scope, data, examples));
        if (update % schedule.logEvery() == 0 || update == schedule.updates()) {
          log.record(update, TrainingLog.LOSS, result.loss().getFloat());
          log.record(update, TrainingLog.UPDATE_MEMORY, result.memoryMegabytes());
          log.record(update, ADVANTAGE_SPREAD, result.advantageSpread());
        }
        if (update % schedule.evalEvery() == 0 || update == schedule.updates()) {
          Accuracy accuracy = Accuracy.of(data, examples, result.lastLogits());
          log.record(update, TrainingLog.trainingMetric("puzzle_accuracy"), accuracy.puzzles());
          log.record(update, TrainingLog.trainingMetric("cell_accuracy"), accuracy.cells());
          NeighbourDraw.Agreement agreement = NeighbourDraw.agreement(
              NeighbourDraw.best(result.scores(), settings.neighbours()), data.graph());
          log.record(update, EDGE_PRECISION, agreement.precision());
          log.record(update, EDGE_RECALL, agreement.recall());
          log.record(update, HEAD_ENTROPY, result.entropy().getFloat());
        }
      }
      // After the optimiser step and outside the gradient scope: the runner may predict from here.
      trainingFlops += flops.trainingUpdate(examples.length, schedule.steps());
      log.record(update, TrainingLog.TRAINING_FLOPS, (double) trainingFlops);
      log.progress(update, schedule.updates());
    }
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    LabelingDataset data = predictionInputs(inputs);
    int[] iterations = settings.network().readoutIterations();
    int[][][] outputs = new int[iterations.length][data.size()][];
    for (int[] examples : batches(data.size(), settings.network().evalBatchSize())) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray givens = PuzzleBatch.givens(scope, data, examples);
        NDArray scores = sampler.forward(parameterStore, new NDList(givens), false).singletonOrThrow();
        neighbours.use(NeighbourDraw.best(scores, settings.neighbours()));
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
    return OptionalInt.of(settings.network().steps());
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
  protected RecurrentRelationalNetwork newNetwork(ConstraintGraph graph, int labels,
      LearnedAdjacencySettings settings) {
    RecurrentSettings network = settings.network();
    sampler = new AdjacencySampler(graph.nodes(), labels, settings.samplerWidth(), settings.readsValues());
    return new RecurrentRelationalNetwork(InputEncoder.withoutGraph(graph.nodes(), labels, network.hidden(), manager),
        neighbours, labels, network.hidden(), network.messageWidth(), network.messageLayers(), network.steps());
  }

  /** Initialises the sampler once, after the network: both from the engine's generator at the model's seed. */
  private void initialiseSampler(int nodes) {
    if (!sampler.isInitialized()) {
      sampler.initialize(manager, DataType.FLOAT32, new Shape(settings.network().batchSize(), nodes));
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
    loadWeights(sampler, directory.resolve(SAMPLER_FILE));
  }

  @Override
  protected String settingsJson(LearnedAdjacencySettings settings) {
    return settings.toJson();
  }

  @Override
  protected LearnedAdjacencySettings settingsFromJson(String json) {
    return LearnedAdjacencySettings.fromJson(json);
  }

  @Override
  protected int batchSize(LearnedAdjacencySettings settings) {
    return settings.network().batchSize();
  }
}
