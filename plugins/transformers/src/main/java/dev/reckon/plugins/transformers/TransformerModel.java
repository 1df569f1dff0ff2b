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
import dev.reckon.kit.StackedGroup;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import dev.reckon.kit.WarmupCosine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A {@link SlotTransformer} trained on one sequence task.
 *
 * <p>The network stacks K seeds ({@link dev.reckon.kit.SeedAxis}): every array leads with the seed
 * axis, {@code (K, B, ...)}. A model of its own is K = 1; a {@link StackedGroup} trains K seeds at
 * once, each on its own training set, and predicts through one-seed members.
 *
 * <p>Training: Adam under a {@link WarmupCosine} schedule on the {@link SlotCrossEntropy}, in the
 * kit's {@link TrainingLoop}; each update draws each seed's batch uniformly with replacement from
 * the seed's own training set, with the seed's own generator (drawn as the seed alone draws it).
 * Each seed's curve gets its {@code loss} and the update's memory (the whole group's) every {@code
 * logEvery} updates, and {@link TrainingLog#TRAINING_FLOPS} ({@link TransformerFlops}, one seed's)
 * after every update. With {@code trainingFlops} set, the updates are as many as reach it.
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

  /** @param contexts one per seed: one for a model of its own, K for a group's */
  TransformerModel(String id, Declarations declarations, List<ModelContext> contexts) {
    super(id, declarations, contexts);
    ModelContext context = contexts.get(0);
    if (!(context.task().format() instanceof SequenceFormat format)) {
      throw new IllegalArgumentException(id + " reads sequence tasks, not " + context.task().format().id());
    }
    taskLayout = SlotLayout.of(format);
    TransformerSettings.consistent(settings);
  }

  @Override
  protected SlotTransformer newNetwork(Config shape) {
    return new SlotTransformer(seeds, SlotLayout.of(shape), TransformerSettings.consistent(settings));
  }


  /** Trains seed k on {@code training.get(k)}: the sets share the task's layout, so one network holds them. */
  @Override
  protected void train(List<Dataset> training, List<TrainingLog> logs) {
    List<SequenceDataset> data = training.stream().map(this::sequences).toList();
    for (int k = 0; k < data.size(); k++) {
      if (!data.get(k).hasAnswers()) {
        throw new IllegalArgumentException(id + " trains on a dataset with answers: seed " + seeds.seed(k)
            + "'s has none");
      }
    }
    // Each seed's generator draws as alone: the engine's seed first (the first seed's seeds the
    // engine, from which no weight is drawn: each seed's come from its own stream), then its batches.
    List<SplittableRandom> randoms = new ArrayList<>();
    int[] engineSeeds = new int[data.size()];
    for (int k = 0; k < data.size(); k++) {
      SplittableRandom random = new SplittableRandom(seeds.seed(k));
      engineSeeds[k] = random.nextInt();
      randoms.add(random);
    }
    int batchSize = settings.get(Training.BATCH_SIZE);
    build(taskLayout.asShape(), engineSeeds[0], DataType.FLOAT32,
        new Shape(data.size(), batchSize, taskLayout.length()));
    long flopsPerUpdate = new TransformerFlops(taskLayout, settings).trainingUpdate();
    int updates = TransformerSettings.updates(settings, flopsPerUpdate);
    Optimizer adam = Optimisers.adam(new WarmupCosine(settings.get(TransformerSettings.LEARNING_RATE),
        settings.get(Training.WARMUP), updates));
    int logEvery = settings.get(TransformerSettings.LOG_EVERY);
    List<int[][]> inputs = data.stream().map(SequenceDataset::inputs).toList();
    List<int[][]> targets = data.stream().map(SequenceDataset::targets).toList();
    TrainingLoop.run(manager, new Cadence(updates, logEvery, logEvery), logs, (scope, update) -> {
      List<int[]> examples = new ArrayList<>();
      for (int k = 0; k < data.size(); k++) {
        examples.add(randoms.get(k).ints(batchSize, 0, data.get(k).size()).toArray());
      }
      NDArray tokens = taskLayout.rows(scope, inputs, examples);
      NDArray classes = taskLayout.targets(scope, targets, examples);
      NDArray loss;
      double memory;
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDList logits = network.forward(store, new NDList(tokens), true);
        loss = SlotCrossEntropy.mean(logits, classes);
        memory = UpdateMemory.megabytes(scope);
        // Each seed's loss depends on its own slice alone: the sum's gradient is each seed's own.
        collector.backward(loss.sum());
      }
      // Unclipped, as the transformers always trained.
      Gradients.stepPerSeed(network, adam, 0, scope);
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
        // One seed: a model of its own or a group's member.
        NDArray tokens = layout.rows(scope, List.<int[][]>of(data.inputs()), List.of(examples));
        NDArray x = network.encode(store, tokens, false);
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
    // (1, B, S, C): one seed's, laid out as its (B, S, C).
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
