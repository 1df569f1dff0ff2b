package dev.reckon.plugins.transformers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.api.UpdateMemory;
import dev.reckon.kit.Cadence;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.NetworkModel;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import dev.reckon.kit.WarmupCosine;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A {@link SlotTransformer} trained on one sequence task.
 *
 * <p>Training: Adam under a {@link WarmupCosine} schedule on the {@link SlotCrossEntropy}, in the
 * kit's {@link TrainingLoop}; each update draws its batch uniformly with replacement. The curve
 * gets {@code loss} and the update's memory every {@code logEvery} updates, and {@link
 * TrainingLog#TRAINING_FLOPS} ({@link TransformerFlops}) after every update. With {@code
 * trainingFlops} set, the updates are as many as reach it.
 *
 * <p>Prediction: without recurrence, one pass and iterations {@code [1]}; with it, the tied layer
 * is applied {@code evaluationFactor x T} times and the slots read out after every application,
 * iterations {@code 1, 2, ..., evaluationFactor x T}. Each iteration count carries the {@link
 * Predictions#INFERENCE_FLOPS} of one example, and each slot's probabilities of the tokens, from
 * which a task computes the answer's cross-entropy.
 *
 * <p>Checkpoint: the kit's ({@link NetworkModel}); the shape is the {@link SlotLayout}.
 */
final class TransformerModel extends NetworkModel<SlotTransformer> {
  /** Examples encoded at once in prediction; a chunk's activations live until it closes. */
  private static final int EXAMPLES_PER_CHUNK = 256;

  /** The layout of the cell's task, which training builds the network for. */
  private final SlotLayout taskLayout;

  TransformerModel(String id, Declarations declarations, ModelContext context) {
    super(id, declarations, context);
    if (!(context.task().format() instanceof SequenceFormat format)) {
      throw new IllegalArgumentException(id + " reads sequence tasks, not " + context.task().format().id());
    }
    taskLayout = SlotLayout.of(format);
    TransformerSettings.consistent(settings);
  }

  @Override
  protected SlotTransformer newNetwork(Config shape) {
    return new SlotTransformer(SlotLayout.of(shape), TransformerSettings.consistent(settings));
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    SequenceDataset data = sequences(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException(id + " trains on a dataset with answers");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int batchSize = settings.get(Training.BATCH_SIZE);
    build(taskLayout.asShape(), random.nextInt(), DataType.FLOAT32, new Shape(batchSize, taskLayout.length()));
    long flopsPerUpdate = new TransformerFlops(taskLayout, settings).trainingUpdate();
    int updates = TransformerSettings.updates(settings, flopsPerUpdate);
    Optimizer adam = Optimisers.adam(new WarmupCosine(settings.get(TransformerSettings.LEARNING_RATE),
        settings.get(Training.WARMUP), updates));
    int logEvery = settings.get(TransformerSettings.LOG_EVERY);
    TrainingLoop.run(manager, new Cadence(updates, logEvery, logEvery), log, (scope, update) -> {
      int[] examples = random.ints(batchSize, 0, data.size()).toArray();
      NDArray tokens = taskLayout.rows(scope, data.inputs(), examples);
      NDArray classes = taskLayout.targets(scope, data.targets(), examples);
      NDArray loss;
      double memory;
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDList logits = network.forward(store, new NDList(tokens), true);
        loss = SlotCrossEntropy.mean(logits, classes);
        memory = UpdateMemory.megabytes(scope);
        collector.backward(loss);
      }
      Gradients.step(network, adam);
      return new UpdateOutcome(loss, memory, flopsPerUpdate);
    });
  }

  @Override
  public SequencePredictions predict(Dataset inputs) {
    SequenceDataset data = sequences(inputs);
    requireBuilt("predicts");
    SlotLayout layout = network.layout();
    int[] iterations = iterations();
    int[][][] answers = new int[iterations.length][data.size()][];
    float[][][][] probabilities = new float[iterations.length][data.size()][][];
    for (int first = 0; first < data.size(); first += EXAMPLES_PER_CHUNK) {
      int[] examples = IntStream.range(first, Math.min(first + EXAMPLES_PER_CHUNK, data.size())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = network.encode(store, layout.rows(scope, data.inputs(), examples), false);
        if (!TransformerSettings.recurrent(settings)) {
          readAnswers(x, examples, answers[0], probabilities[0]);
          continue;
        }
        for (int i = 0; i < iterations.length; i++) {
          // Each application's intermediates land in a sub-scope closed at its end; only the new
          // state moves out, so memory does not grow with the applications.
          try (NDManager applicationScope = scope.newSubManager()) {
            x.attach(applicationScope);
            x = network.applyTiedLayer(store, x, false);
            readAnswers(x, examples, answers[i], probabilities[i]);
            x.attach(scope);
          }
        }
      }
    }
    TransformerFlops flops = new TransformerFlops(layout, settings);
    return SequencePredictions.withProbabilities(iterations, answers, probabilities,
        Predictions.inferenceFlops(iterations, flops::inference, data.size()));
  }

  /** 1 without recurrence; every application count up to {@code evaluationFactor x T} with it. */
  private int[] iterations() {
    if (!TransformerSettings.recurrent(settings)) {
      return new int[] {1};
    }
    return IntStream.rangeClosed(1, TransformerSettings.evaluationFactor(settings) * TransformerSettings.steps(settings))
        .toArray();
  }

  /**
   * Each slot's most likely class as the answer, and its softmax over the tokens (the "end"
   * class's share left out) as the token probabilities the task scores the answer's cross-entropy by.
   */
  private void readAnswers(NDArray x, int[] examples, int[][] answers, float[][][] probabilities) {
    SlotLayout layout = network.layout();
    NDArray logits = network.readOut(store, x, false);
    long[] classes = logits.argMax(-1).toLongArray();
    float[] softmax = logits.softmax(-1).toFloatArray();
    int slots = layout.maxOutputLength();
    int width = layout.classes();
    for (int b = 0; b < examples.length; b++) {
      answers[examples[b]] = layout.answer(classes, b);
      float[][] rows = new float[slots][layout.vocabulary()];
      for (int slot = 0; slot < slots; slot++) {
        System.arraycopy(softmax, (b * slots + slot) * width, rows[slot], 0, layout.vocabulary());
      }
      probabilities[examples[b]] = rows;
    }
  }

  @Override
  public OptionalInt trainedIterations() {
    return TransformerSettings.recurrent(settings)
        ? OptionalInt.of(TransformerSettings.steps(settings))
        : OptionalInt.empty();
  }

  @Override
  public Optional<float[][]> tokenEmbeddings() {
    return built() ? Optional.of(network.tokenEmbeddings()) : Optional.empty();
  }

  private SequenceDataset sequences(Dataset dataset) {
    if (!(dataset instanceof SequenceDataset data)) {
      throw new IllegalArgumentException(id + " reads sequence datasets, not " + dataset.getClass().getSimpleName());
    }
    SlotLayout layout = built() ? network.layout() : taskLayout;
    if (data.vocabulary() != layout.vocabulary() || data.maxOutputLength() != layout.maxOutputLength()) {
      throw new IllegalArgumentException(id + " was built for " + layout.vocabulary() + " tokens and answers of up to "
          + layout.maxOutputLength() + "; this dataset has " + data.vocabulary() + " and " + data.maxOutputLength());
    }
    return data;
  }
}
