package ${package};

import static ${package}.LabelMlpSettings.BATCH_SIZE;
import static ${package}.LabelMlpSettings.HIDDEN;
import static ${package}.LabelMlpSettings.LEARNING_RATE;
import static ${package}.LabelMlpSettings.UPDATES;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.api.UpdateMemory;
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.CosineDecay;
import dev.reckon.kit.EngineScalar;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.NetworkModel;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A small network on DJL, built on Reckon's model kit: it reads a whole puzzle at once (every
 * node's given label, one-hot, zeros on a blank) and scores every label at every node; a blank
 * takes its best-scored label. It does not iterate, so it predicts at one iteration count, 1.
 *
 * <p>What is the model's own is its network ({@link #newNetwork}), its settings ({@link
 * LabelMlpSettings}) and its loss ({@link #loss}). The kit's {@link NetworkModel} does the rest of
 * the life cycle (settings read from the cell's config, the network built at the first training
 * data with weights drawn from the seed, checkpoints, parameter count, close), and its {@link
 * TrainingLoop} the updates (a scope per update that frees its arrays, the loss, memory and FLOPs
 * curves at the log cadence, progress; the loss read off the engine only when it is logged, see
 * {@link UpdateOutcome}). Replace these three with yours and keep the conformance test green.
 */
final class LabelMlp extends NetworkModel<SequentialBlock> {
  /** The data's shape, which the network's sizes follow and a checkpoint keeps. */
  private static final String NODES = "nodes";
  private static final String LABELS = "labels";
  /** Puzzles a prediction batch: large enough to be quick, small enough for large puzzles. */
  private static final int PREDICTION_BATCH = 256;

  LabelMlp(String id, ModelContext context) {
    super(id, LabelMlpSettings.DECLARATIONS, context);
  }

  /** The network: every node's given label in, every node's label scores out, one hidden layer between. */
  @Override
  protected SequentialBlock newNetwork(Config shape) {
    SequentialBlock network = new SequentialBlock()
        .add(Linear.builder().setUnits(settings.get(HIDDEN)).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits((long) shape.getInt(NODES) * shape.getInt(LABELS)).build());
    network.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    return network;
  }

  /**
   * The loss: the cross-entropy of the answers on the blanks, averaged over the blanks. Its divisor
   * is an array the engine made ({@link EngineScalar}), not a Java number: see there why.
   */
  private static NDArray loss(NDArray scores, Batch batch, NDManager scope) {
    NDArray blanks = batch.blanks().sum().maximum(EngineScalar.of(scope, 1f));
    return scores.logSoftmax(-1).mul(batch.answers()).mul(batch.blanks()).sum().neg().div(blanks);
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    LabelingDataset data = (LabelingDataset) training;
    int nodes = data.graph().nodes();
    // Sorted, so that a checkpoint's shape file is the same from run to run.
    build(new TreeMap<>(Map.of(NODES, nodes, LABELS, data.labels())), Long.hashCode(seed), DataType.FLOAT32,
        new Shape(1, (long) nodes * data.labels()));
    Optimizer adam = Optimisers.adam(new CosineDecay(settings.get(LEARNING_RATE), 0, settings.get(UPDATES)));
    BatchSampler batches = new BatchSampler(data.size(), settings.get(BATCH_SIZE), new SplittableRandom(seed));
    TrainingLoop.run(manager, Training.cadence(settings), log, (scope, update) -> {
      int[] examples = batches.next();
      Batch batch = Batch.of(scope, data, examples);
      NDArray loss;
      double memory;
      // One collector, one backward pass, one step: a new collector starts from zero gradients.
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        loss = loss(scores(batch.givens(), true), batch, scope);
        memory = UpdateMemory.megabytes(scope);
        collector.backward(loss);
      }
      Gradients.step(network, adam);
      // The backward pass costs about twice the forward one.
      return new UpdateOutcome(loss, memory, 3 * forwardFlops(examples.length));
    });
  }

  @Override
  public Predictions predict(Dataset inputs) {
    requireBuilt("predicts");
    LabelingDataset data = (LabelingDataset) inputs;
    int nodes = data.graph().nodes();
    int[][] labelled = new int[data.size()][];
    for (int start = 0; start < data.size(); start += PREDICTION_BATCH) {
      int[] examples = IntStream.range(start, Math.min(data.size(), start + PREDICTION_BATCH)).toArray();
      try (NDManager scope = manager.newSubManager()) {
        long[] best = scores(Batch.of(scope, data, examples).givens(), false).argMax(-1)
            .toType(DataType.INT64, false).toLongArray();
        for (int b = 0; b < examples.length; b++) {
          int[] given = data.givens()[examples[b]];
          labelled[examples[b]] = new int[nodes];
          for (int node = 0; node < nodes; node++) {
            labelled[examples[b]][node] = given[node] != 0 ? given[node] : (int) best[b * nodes + node] + 1;
          }
        }
      }
    }
    return new LabelingPredictions(new int[] {1}, new int[][][] {labelled});
  }

  /** The network's scores {@code [batch, nodes, labels]} for puzzles whose givens are {@code givens}. */
  private NDArray scores(NDArray givens, boolean training) {
    NDArray flat = givens.reshape(givens.getShape().get(0), -1);
    return network.forward(store, new NDList(flat), training).singletonOrThrow().reshape(givens.getShape());
  }

  /** The floating-point operations of the network's forward pass on {@code examples} puzzles: two a multiply-add. */
  private long forwardFlops(int examples) {
    long cells = (long) shape().getInt(NODES) * shape().getInt(LABELS);
    long multiplyAdds = cells * settings.get(HIDDEN) + settings.get(HIDDEN) * cells; // the layer in, the layer out
    return 2 * examples * multiplyAdds;
  }

  /**
   * Puzzles as arrays.
   *
   * @param givens {@code [batch, nodes, labels]}: the given label one-hot, zeros on a blank
   * @param blanks {@code [batch, nodes, 1]}: 1 on a blank
   * @param answers {@code [batch, nodes, labels]}: the answer one-hot; null without answers
   */
  private record Batch(NDArray givens, NDArray blanks, NDArray answers) {
    static Batch of(NDManager scope, LabelingDataset data, int[] examples) {
      int nodes = data.graph().nodes();
      int labels = data.labels();
      float[] givens = new float[examples.length * nodes * labels];
      float[] blanks = new float[examples.length * nodes];
      float[] answers = data.hasAnswers() ? new float[givens.length] : null;
      for (int b = 0; b < examples.length; b++) {
        for (int node = 0; node < nodes; node++) {
          int at = b * nodes + node;
          int given = data.givens()[examples[b]][node];
          if (given == 0) {
            blanks[at] = 1;
          } else {
            givens[at * labels + given - 1] = 1;
          }
          if (answers != null) {
            answers[at * labels + data.solutions()[examples[b]][node] - 1] = 1;
          }
        }
      }
      Shape shape = new Shape(examples.length, nodes, labels);
      return new Batch(scope.create(givens, shape), scope.create(blanks, new Shape(examples.length, nodes, 1)),
          answers == null ? null : scope.create(answers, shape));
    }
  }
}
