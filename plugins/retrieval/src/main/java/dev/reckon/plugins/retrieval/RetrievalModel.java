package dev.reckon.plugins.retrieval;

import static dev.reckon.plugins.retrieval.RetrievalSettings.ANSWER_TARGETS;
import static dev.reckon.plugins.retrieval.RetrievalSettings.BATCH_SIZE;
import static dev.reckon.plugins.retrieval.RetrievalSettings.LEARNING_RATE;
import static dev.reckon.plugins.retrieval.RetrievalSettings.LOG_EVERY;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.kit.AnswerSampler;
import dev.reckon.kit.Cadence;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.NetworkModel;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import dev.reckon.kit.WarmupCosine;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What the contrastive and the cross-encoder models share: the token layout, the kit's life cycle
 * ({@link NetworkModel}; the checkpoint's shape is the layout and the deck's key count), the
 * training loop and batched scoring of every query against every key.
 *
 * <p>Training: Adam under a {@link WarmupCosine} schedule in the kit's {@link TrainingLoop}; every
 * update samples a batch of queries and one key of each answer with an {@link AnswerSampler}. The curve gets {@code loss} and {@code
 * top1_hit} (the share of the batch whose best-scored key is in its answer) every {@code logEvery}
 * updates, and no update memory (it never had it).
 *
 * @param <N> the family's network
 */
abstract class RetrievalModel<N extends Block> extends NetworkModel<N> {
  /**
   * Sequences encoded per prediction chunk: a chunk's activations live until it closes,
   * a few hundred MB a layer for the 30-token shatter sequences at width 64.
   */
  private static final int SEQUENCES_PER_CHUNK = 2048;

  RetrievalModel(String id, Declarations declarations, ModelContext context) {
    super(id, declarations, context);
    RetrievalSettings.consistent(settings);
  }

  /** A fresh, uninitialised network for this layout and deck, sized by {@link #settings}. */
  protected abstract N newNetwork(TokenLayout layout, int keys);

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

  /** The {@link RetrievalFlops} of this model's network for this layout and deck. */
  protected abstract RetrievalFlops flops(TokenLayout layout, int keys);

  /** This model's {@link RetrievalFlops}, once it is built. */
  RetrievalFlops flops() {
    return flops(layout(), keyCount());
  }

  @Override
  protected final N newNetwork(Config shape) {
    return newNetwork(TokenLayout.of(shape), shape.getInt("keys"));
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    RetrievalDataset data = retrieval(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException("a training set needs its answers");
    }
    SplittableRandom random = new SplittableRandom(seed);
    TokenLayout layout = TokenLayout.of(data);
    int keyCount = data.keys();
    build(layout.asShape(keyCount), random.nextInt(), DataType.FLOAT32, inputShapes(layout, keyCount));
    AnswerSampler sampler = new AnswerSampler(data.answers(), settings.get(BATCH_SIZE), random.split());
    int updates = settings.get(Training.UPDATES);
    Optimizer adam = Optimisers.adam(new WarmupCosine(settings.get(LEARNING_RATE), settings.get(Training.WARMUP),
        updates));
    RetrievalFlops flops = flops(layout, keyCount);
    boolean answerTargets = settings.get(ANSWER_TARGETS);
    int logEvery = settings.get(LOG_EVERY);
    TrainingLoop.run(manager, new Cadence(updates, logEvery, logEvery), log, (scope, update) -> {
      AnswerSampler.Batch batch = sampler.next();
      NDArray queries = layout.queries(scope, data.queries(), batch.examples());
      NDArray keys = layout.keys(scope, data.keyTokens());
      NDArray loss;
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        loss = loss(network, store, queries, keys, scope.create(batch.answers()),
            answerTargets ? answerMask(scope, batch.examples(), data.answers(), keyCount) : null);
        collector.backward(loss);
      }
      Gradients.step(network, adam);
      // The retrieval models never recorded an update's memory: their curves stay as they were.
      return new UpdateOutcome(loss, Double.NaN, flops.trainingUpdate(batch.examples().length)) {
        @Override
        public boolean measuresMemory() {
          return false;
        }

        @Override
        public void logged(int member, TrainingLoop.Curves curves) {
          NDArray everyKey = scores(network, store, queries, keys, false);
          curves.record("top1_hit", topOneHits(everyKey, batch.examples(), data.answers()));
        }
      };
    });
  }

  @Override
  public RetrievalPredictions predict(Dataset inputs) {
    RetrievalDataset data = retrieval(inputs);
    requireBuilt("predicts");
    TokenLayout layout = layout();
    int keyCount = keyCount();
    if (data.keys() != keyCount) {
      throw new IllegalArgumentException(id + " was trained on " + keyCount + " keys, not " + data.keys());
    }
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
    double perQuery = flops(layout, keyCount).inference();
    int[] once = {1};
    return new RetrievalPredictions(once, new float[][][] {scores},
        Predictions.inferenceFlops(once, count -> perQuery, data.size()));
  }

  private TokenLayout layout() {
    return TokenLayout.of(shape());
  }

  private int keyCount() {
    return shape().getInt("keys");
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
