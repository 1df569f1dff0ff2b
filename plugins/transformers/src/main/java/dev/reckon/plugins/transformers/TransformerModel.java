package dev.reckon.plugins.transformers;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.api.UpdateMemory;
import dev.reckon.plugins.transformer.LearningRateSchedule;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A {@link SlotTransformer} trained on one sequence task.
 *
 * <p>Training: Adam under a {@link LearningRateSchedule} on the {@link SlotCrossEntropy}; each
 * update draws its batch uniformly with replacement and runs in its own sub-manager, so memory
 * stays flat however long the run. The curve gets {@code loss} and the update's memory every
 * {@code logEvery} updates, and {@link TrainingLog#TRAINING_FLOPS} ({@link TransformerFlops})
 * after every update's optimiser step, outside the gradient scope, since the runner may predict
 * from within that call.
 *
 * <p>Prediction: without recurrence, one pass and iterations {@code [1]}; with it, the tied layer
 * is applied {@code evaluationFactor x T} times and the slots read out after every application,
 * iterations {@code 1, 2, ..., evaluationFactor x T}. Each iteration count carries the {@link
 * Predictions#INFERENCE_FLOPS} of one example, and each slot's probabilities of the tokens, from
 * which a task computes the answer's cross-entropy.
 *
 * <p>Checkpoint: {@value #SETTINGS_FILE} (model id, layout and settings) and {@value
 * #PARAMETERS_FILE} (the network's parameters in DJL's block format).
 */
final class TransformerModel implements Model {
  static final String SETTINGS_FILE = "transformer-model.properties";
  static final String PARAMETERS_FILE = "transformer-parameters.bin";

  /** Examples encoded at once in prediction; a chunk's activations live until it closes. */
  private static final int EXAMPLES_PER_CHUNK = 256;

  private final String id;
  private final long seed;
  private final NDManager manager;
  private TransformerSettings settings;
  private SlotLayout layout;
  private SlotTransformer network;
  private ParameterStore store;

  TransformerModel(String id, ModelContext context) {
    this.id = requireNonNull(id, "id is null");
    requireNonNull(context, "context is null");
    if (!(context.task().format() instanceof SequenceFormat format)) {
      throw new IllegalArgumentException(id + " reads sequence tasks, not " + context.task().format().id());
    }
    layout = SlotLayout.of(format);
    settings = TransformerSettings.from(context.config());
    seed = context.seed();
    manager = NDManager.newBaseManager(Device.fromName(context.device()));
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    SequenceDataset data = sequences(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException(id + " trains on a dataset with answers");
    }
    SplittableRandom random = new SplittableRandom(seed);
    build();
    manager.getEngine().setRandomSeed(random.nextInt());
    network.initialize(manager, DataType.FLOAT32, new Shape(settings.batchSize(), layout.length()));
    long flopsPerUpdate = new TransformerFlops(layout, settings).trainingUpdate();
    int updates = settings.updates(flopsPerUpdate);
    Optimizer adam = Adam.builder()
        .optLearningRateTracker(new LearningRateSchedule(settings.learningRate(), settings.warmup(), updates))
        .build();
    for (int update = 1; update <= updates; update++) {
      int[] examples = random.ints(settings.batchSize(), 0, data.size()).toArray();
      try (NDManager step = manager.newSubManager()) {
        NDArray tokens = layout.rows(step, data.inputs(), examples);
        NDArray classes = layout.targets(step, data.targets(), examples);
        NDArray loss;
        double memory;
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
          NDList logits = network.forward(store, new NDList(tokens), true);
          loss = SlotCrossEntropy.mean(logits, classes);
          memory = UpdateMemory.megabytes(step);
          collector.backward(loss);
        }
        for (Parameter parameter : network.getParameters().values()) {
          NDArray weight = parameter.getArray();
          // The gradient handle joins the weight's long-lived manager: close it here.
          try (NDArray gradient = weight.getGradient()) {
            adam.update(parameter.getId(), weight, gradient);
          }
        }
        if (update % settings.logEvery() == 0 || update == updates) {
          log.record(update, TrainingLog.LOSS, loss.getFloat());
          log.record(update, TrainingLog.UPDATE_MEMORY, memory);
        }
      }
      log.record(update, TrainingLog.TRAINING_FLOPS, (double) flopsPerUpdate * update);
      log.progress(update, updates);
    }
  }

  @Override
  public SequencePredictions predict(Dataset inputs) {
    SequenceDataset data = sequences(inputs);
    if (network == null) {
      throw new IllegalStateException(id + " predicts only after train or load");
    }
    int[] iterations = iterations();
    int[][][] answers = new int[iterations.length][data.size()][];
    float[][][][] probabilities = new float[iterations.length][data.size()][][];
    for (int first = 0; first < data.size(); first += EXAMPLES_PER_CHUNK) {
      int[] examples = IntStream.range(first, Math.min(first + EXAMPLES_PER_CHUNK, data.size())).toArray();
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = network.encode(store, layout.rows(scope, data.inputs(), examples), false);
        if (!settings.recurrent()) {
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
    if (!settings.recurrent()) {
      return new int[] {1};
    }
    return IntStream.rangeClosed(1, settings.evaluationFactor() * settings.steps()).toArray();
  }

  /**
   * Each slot's most likely class as the answer, and its softmax over the tokens (the "end"
   * class's share left out) as the token probabilities the task scores the answer's cross-entropy by.
   */
  private void readAnswers(NDArray x, int[] examples, int[][] answers, float[][][] probabilities) {
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
    return settings.recurrent() ? OptionalInt.of(settings.steps()) : OptionalInt.empty();
  }

  /** The trainable parameters; 0 before training or loading. */
  @Override
  public long parameterCount() {
    if (network == null) {
      return 0;
    }
    return network.getParameters().values().stream().mapToLong(parameter -> parameter.getShape().size()).sum();
  }

  @Override
  public Optional<float[][]> tokenEmbeddings() {
    return network == null ? Optional.empty() : Optional.of(network.tokenEmbeddings());
  }

  @Override
  public void save(Path directory) throws IOException {
    if (network == null) {
      throw new IllegalStateException(id + " saves only after train or load");
    }
    Files.createDirectories(directory);
    Properties properties = new Properties();
    properties.setProperty("model", id);
    layout.store(properties);
    settings.store(properties);
    try (OutputStream out = Files.newOutputStream(directory.resolve(SETTINGS_FILE))) {
      properties.store(out, id);
    }
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(Files.newOutputStream(directory.resolve(PARAMETERS_FILE))))) {
      network.saveParameters(out);
    }
  }

  /** Replaces this model's layout, settings and weights by the checkpoint's. */
  @Override
  public void load(Path directory) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(directory.resolve(SETTINGS_FILE))) {
      properties.load(in);
    }
    if (!id.equals(properties.getProperty("model"))) {
      throw new IOException(directory + " holds a checkpoint of " + properties.getProperty("model") + ", not " + id);
    }
    layout = SlotLayout.restore(properties);
    settings = TransformerSettings.restore(properties);
    build();
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(directory.resolve(PARAMETERS_FILE))))) {
      network.loadParameters(manager, in);
    } catch (MalformedModelException e) {
      throw new IOException(directory + " holds parameters this network cannot read", e);
    }
    // Loading replaces the weights without marking them trainable.
    network.getParameters().values().forEach(parameter -> parameter.getArray().setRequiresGradient(true));
  }

  @Override
  public void close() {
    network = null;
    store = null;
    manager.close();
  }

  /** The manager that outlives every update; tests watch its array count stay flat while training. */
  NDManager manager() {
    return manager;
  }

  /** A network without weights, for this layout and settings: training initialises them, loading reads them. */
  private void build() {
    if (network != null) {
      throw new IllegalStateException(id + " is already built; load a checkpoint into a fresh model");
    }
    network = new SlotTransformer(layout, settings);
    store = new ParameterStore(manager, false);
  }

  private SequenceDataset sequences(Dataset dataset) {
    if (!(dataset instanceof SequenceDataset data)) {
      throw new IllegalArgumentException(id + " reads sequence datasets, not " + dataset.getClass().getSimpleName());
    }
    if (data.vocabulary() != layout.vocabulary() || data.maxOutputLength() != layout.maxOutputLength()) {
      throw new IllegalArgumentException(id + " was built for " + layout.vocabulary() + " tokens and answers of up to "
          + layout.maxOutputLength() + "; this dataset has " + data.vocabulary() + " and " + data.maxOutputLength());
    }
    return data;
  }
}
