package dev.reckon.plugins.retrieval;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.TrainingLog;
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
import java.util.Arrays;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * What the contrastive and the cross-encoder models share: the token layout, a seeded network on
 * the cell's device, the training loop and batched scoring of every query against every key.
 *
 * <p>Training: Adam under a {@link LearningRateSchedule}; every update samples a batch with a
 * {@link TrainingSampler} and runs in its own sub-manager, so memory stays flat however long the
 * run. The curve gets {@code loss} and {@code top1_hit} (the share of the batch whose best-scored
 * key is in its answer) every {@code logEvery} updates.
 *
 * <p>Checkpoint: {@value #SETTINGS_FILE} (the model id, token layout, key count and settings) and
 * {@value #PARAMETERS_FILE} (the network's parameters in DJL's block format).
 *
 * @param <N> the family's network
 */
abstract class RetrievalModel<N extends Block> implements Model {
  static final String SETTINGS_FILE = "retrieval-model.properties";
  static final String PARAMETERS_FILE = "retrieval-parameters.bin";

  /**
   * Sequences encoded per prediction chunk: a chunk's activations live until it closes,
   * a few hundred MB a layer for the 30-token shatter sequences at width 64.
   */
  private static final int SEQUENCES_PER_CHUNK = 2048;

  private final String id;
  private final long seed;
  private final NDManager manager;
  private RetrievalSettings settings;
  private TokenLayout layout;
  private int keyCount;
  private NDManager weights;
  private N network;

  RetrievalModel(String id, ModelContext context) {
    this.id = requireNonNull(id, "id is null");
    requireNonNull(context, "context is null");
    settings = RetrievalSettings.from(context.config());
    seed = context.seed();
    manager = NDManager.newBaseManager(Device.fromName(context.device()));
  }

  /** A fresh, uninitialised network for this layout and deck. */
  protected abstract N newNetwork(TokenLayout layout, int keys, RetrievalSettings settings);

  /** The shapes the network is initialised with, for a batch of one query. */
  protected abstract Shape[] inputShapes(TokenLayout layout, int keys);

  /**
   * @param queries {@code (B, Lq)} int query tokens
   * @param keys {@code (K, Lk)} int tokens of every key
   * @return {@code (B, K)} scores, in the manager of {@code queries}
   */
  protected abstract NDArray scores(
      N network, ParameterStore store, NDArray queries, NDArray keys, boolean training);

  /**
   * @param positives {@code (B)} int: the key drawn from each query's answer
   * @param answers {@code (B, K)} float: 1 on every key of each query's answer, 0 elsewhere, when
   *     the settings train against the whole answer ({@code answerTargets}); null when they train
   *     against the drawn key alone
   * @return the training loss of the batch, a scalar
   */
  protected abstract NDArray loss(
      N network, ParameterStore store, NDArray queries, NDArray keys, NDArray positives, NDArray answers);

  /** How many sequences the network encodes to score one query against every key. */
  protected abstract int sequencesPerQuery(int keys);

  /** This model's {@link RetrievalFlops}, once it is built. */
  RetrievalFlops flops() {
    return flops(layout, keyCount, settings);
  }

  /** The {@link RetrievalFlops} of this model's network for this layout and deck. */
  protected abstract RetrievalFlops flops(TokenLayout layout, int keys, RetrievalSettings settings);

  /** Extra entries a checkpoint must match, e.g. the representation dimension. */
  protected void describe(Properties properties) {}

  @Override
  public void train(Dataset training, TrainingLog log) {
    RetrievalDataset data = retrieval(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException("a training set needs its answers");
    }
    SplittableRandom random = new SplittableRandom(seed);
    build(TokenLayout.of(data), data.keys());
    manager.getEngine().setRandomSeed(random.nextInt());
    network.initialize(weights, DataType.FLOAT32, inputShapes(layout, keyCount));
    TrainingSampler sampler = new TrainingSampler(data.answers(), random.split());
    Optimizer adam = Adam.builder()
        .optLearningRateTracker(
            new LearningRateSchedule(settings.learningRate(), settings.warmup(), settings.updates()))
        .build();
    ParameterStore store = new ParameterStore(manager, false);
    int updates = settings.updates();
    RetrievalFlops flops = flops(layout, keyCount, settings);
    long trainingFlops = 0;
    for (int update = 1; update <= updates; update++) {
      TrainingSampler.TrainingBatch batch = sampler.next(settings.batchSize());
      try (NDManager step = manager.newSubManager()) {
        NDArray queries = layout.queries(step, data.queries(), batch.examples());
        NDArray keys = layout.keys(step, data.keyTokens());
        NDArray loss;
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
          loss = loss(network, store, queries, keys, step.create(batch.positives()),
              settings.answerTargets() ? answerMask(step, batch.examples(), data.answers(), data.keys()) : null);
          collector.backward(loss);
        }
        for (Parameter parameter : network.getParameters().values()) {
          NDArray value = parameter.getArray();
          // The gradient handle joins the parameter's long-lived manager: close it here.
          try (NDArray gradient = value.getGradient()) {
            adam.update(parameter.getId(), value, gradient);
          }
        }
        if (update % settings.logEvery() == 0 || update == updates) {
          log.record(update, TrainingLog.LOSS, loss.getFloat());
          NDArray everyKey = scores(network, store, queries, keys, false);
          log.record(update, "top1_hit", topOneHits(everyKey, batch.examples(), data.answers()));
        }
      }
      // After the optimiser step and outside the gradient scope: the runner may predict from here.
      trainingFlops += flops.trainingUpdate(batch.examples().length);
      log.record(update, TrainingLog.TRAINING_FLOPS, (double) trainingFlops);
      log.progress(update, updates);
    }
  }

  @Override
  public RetrievalPredictions predict(Dataset inputs) {
    RetrievalDataset data = retrieval(inputs);
    if (network == null) {
      throw new IllegalStateException(id + " must be trained or loaded before it predicts");
    }
    if (data.keys() != keyCount) {
      throw new IllegalArgumentException(id + " was trained on " + keyCount + " keys, not " + data.keys());
    }
    ParameterStore store = new ParameterStore(manager, false);
    float[][] scores = new float[data.size()][];
    int chunk = Math.max(1, SEQUENCES_PER_CHUNK / sequencesPerQuery(keyCount));
    for (int start = 0; start < data.size(); start += chunk) {
      int first = start;
      int[] rows = new int[Math.min(chunk, data.size() - start)];
      Arrays.setAll(rows, i -> first + i);
      try (NDManager step = manager.newSubManager()) {
        NDArray queries = layout.queries(step, data.queries(), rows);
        NDArray keys = layout.keys(step, data.keyTokens());
        float[] flat = scores(network, store, queries, keys, false).toFloatArray();
        for (int i = 0; i < rows.length; i++) {
          scores[rows[i]] = Arrays.copyOfRange(flat, i * keyCount, (i + 1) * keyCount);
        }
      }
    }
    double perQuery = flops(layout, keyCount, settings).inference();
    int[] once = {1};
    return new RetrievalPredictions(once, new float[][][] {scores},
        Predictions.inferenceFlops(once, count -> perQuery, data.size()));
  }

  /** The trainable parameters of the network; 0 before it is trained or loaded. */
  @Override
  public long parameterCount() {
    if (network == null) {
      return 0;
    }
    return network.getParameters().values().stream()
        .filter(Parameter::requiresGradient)
        .mapToLong(parameter -> parameter.getShape().size())
        .sum();
  }

  @Override
  public void save(Path directory) throws IOException {
    if (network == null) {
      throw new IllegalStateException(id + " has nothing to save before it is trained");
    }
    Files.createDirectories(directory);
    Properties properties = new Properties();
    properties.setProperty("model", id);
    properties.setProperty("keys", Integer.toString(keyCount));
    layout.store(properties);
    settings.store(properties);
    describe(properties);
    try (OutputStream out = Files.newOutputStream(directory.resolve(SETTINGS_FILE))) {
      properties.store(out, id);
    }
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(Files.newOutputStream(directory.resolve(PARAMETERS_FILE))))) {
      network.saveParameters(out);
    }
  }

  @Override
  public void load(Path directory) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(directory.resolve(SETTINGS_FILE))) {
      properties.load(in);
    }
    Properties expected = new Properties();
    expected.setProperty("model", id);
    describe(expected);
    for (String key : expected.stringPropertyNames()) {
      if (!expected.getProperty(key).equals(properties.getProperty(key))) {
        throw new IOException(directory + " holds a checkpoint with " + key + "=" + properties.getProperty(key)
            + ", not " + expected.getProperty(key));
      }
    }
    settings = RetrievalSettings.restore(properties);
    build(TokenLayout.restore(properties), RetrievalSettings.integer(properties, "keys"));
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(directory.resolve(PARAMETERS_FILE))))) {
      network.loadParameters(weights, in);
    } catch (MalformedModelException e) {
      throw new IOException(directory + " holds parameters this network cannot read", e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  /** The manager that outlives every update; its array count stays flat while training. */
  NDManager manager() {
    return manager;
  }

  /**
   * Builds a network without weights: training initialises them, loading reads them. Any previous
   * network goes, with its optimiser state.
   */
  private void build(TokenLayout layout, int keys) {
    if (weights != null) {
      weights.close();
    }
    this.layout = layout;
    this.keyCount = keys;
    weights = manager.newSubManager();
    network = newNetwork(layout, keys, settings);
  }

  private static NDArray answerMask(NDManager manager, int[] examples, int[][] answers, int keys) {
    float[] mask = new float[examples.length * keys];
    for (int i = 0; i < examples.length; i++) {
      for (int key : answers[examples[i]]) {
        mask[i * keys + key] = 1;
      }
    }
    return manager.create(mask, new Shape(examples.length, keys));
  }

  private static double topOneHits(NDArray scores, int[] examples, int[][] answers) {
    long[] best = scores.argMax(1).toLongArray();
    int hits = 0;
    for (int i = 0; i < examples.length; i++) {
      if (Arrays.binarySearch(answers[examples[i]], (int) best[i]) >= 0) {
        hits++;
      }
    }
    return hits / (double) examples.length;
  }

  private RetrievalDataset retrieval(Dataset dataset) {
    if (dataset instanceof RetrievalDataset data) {
      return data;
    }
    throw new IllegalArgumentException(id + " reads retrieval datasets, not " + dataset.getClass().getSimpleName());
  }
}
