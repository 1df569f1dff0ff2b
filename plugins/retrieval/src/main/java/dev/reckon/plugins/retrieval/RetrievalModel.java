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
import dev.reckon.kit.StackedGroup;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import dev.reckon.kit.WarmupCosine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the contrastive and the cross-encoder models share: the token layout, the kit's life cycle
 * ({@link NetworkModel}; the checkpoint's shape is the layout and the deck's key count), the
 * training loop and batched scoring of every query against every key.
 *
 * <p>The network stacks K seeds ({@link dev.reckon.kit.SeedAxis}): every array leads with the seed
 * axis, {@code (K, B, ...)}. A model of its own is K = 1; a {@link StackedGroup} trains K seeds at
 * once, each on its own training set, and predicts through one-seed members.
 *
 * <p>Training: Adam under a {@link WarmupCosine} schedule in the kit's {@link TrainingLoop}; every
 * update samples, for each seed, a batch of queries and one key of each answer with the seed's own
 * {@link AnswerSampler} (drawn as the seed alone draws it). Each seed's curve gets {@code loss} and
 * {@code top1_hit} (the share of its batch whose best-scored key is in its answer) every {@code
 * logEvery} updates, and no update memory (it never had it).
 *
 * @param <N> the family's network
 */
abstract class RetrievalModel<N extends Block> extends NetworkModel<N> {
  /**
   * Sequences encoded per prediction chunk: a chunk's activations live until it closes,
   * a few hundred MB a layer for the 30-token shatter sequences at width 64.
   */
  private static final int SEQUENCES_PER_CHUNK = 2048;

  /** @param contexts one per seed: one for a model of its own, K for a group's */
  RetrievalModel(String id, Declarations declarations, List<ModelContext> contexts) {
    super(id, declarations, contexts);
    RetrievalSettings.consistent(settings);
  }

  /** A fresh, uninitialised network of {@link #seeds} for this layout and deck, sized by {@link #settings}. */
  protected abstract N newNetwork(TokenLayout layout, int keys);

  /** The shapes the network is initialised with, for a batch of one query a seed: each leads with K. */
  protected abstract Shape[] inputShapes(TokenLayout layout, int keys);

  /**
   * @param queries {@code (K, B, Lq)} int query tokens
   * @param keys {@code (K, N, Lk)} int tokens of every key
   * @return {@code (K, B, N)} scores, in the manager of {@code queries}
   */
  protected abstract NDArray scores(
      N network, ParameterStore store, NDArray queries, NDArray keys, boolean training);

  /**
   * @param positives {@code (K, B)} int: the key drawn from each query's answer
   * @param answers {@code (K, B, N)} float: 1 on every key of each query's answer, 0 elsewhere,
   *     when the settings train against the whole answer ({@code answerTargets}); null when they
   *     train against the drawn key alone
   * @return each seed's training loss of its batch, {@code (K)}
   */
  protected abstract NDArray loss(
      N network, ParameterStore store, NDArray queries, NDArray keys, NDArray positives, NDArray answers);

  /** How many sequences the network encodes to score one query against every key. */
  protected abstract int sequencesPerQuery(int keys);

  /** The {@link RetrievalFlops} of this model's network for this layout and deck: one seed's. */
  protected abstract RetrievalFlops flops(TokenLayout layout, int keys);

  /** This model's {@link RetrievalFlops}, once it is built. */
  RetrievalFlops flops() {
    return flops(layout(), keyCount());
  }

  @Override
  protected final N newNetwork(Config shape) {
    return newNetwork(TokenLayout.of(shape), shape.getInt("keys"));
  }


  /** Trains seed k on {@code training.get(k)}: the sets share their layout and key count, so one network holds them. */
  @Override
  protected void train(List<Dataset> training, List<TrainingLog> logs) {
    List<RetrievalDataset> data = training.stream().map(this::retrieval).toList();
    for (int k = 0; k < data.size(); k++) {
      if (!data.get(k).hasAnswers()) {
        throw new IllegalArgumentException("a training set needs its answers: seed " + seeds.seed(k) + "'s has none");
      }
    }
    TokenLayout layout = TokenLayout.of(data.get(0));
    int keyCount = data.get(0).keys();
    for (int k = 1; k < data.size(); k++) {
      TokenLayout other = TokenLayout.of(data.get(k));
      if (!other.equals(layout) || data.get(k).keys() != keyCount) {
        throw new IllegalArgumentException(id + " trains seeds together on one layout: seed " + seeds.seed(k)
            + "'s training set has " + other + " and " + data.get(k).keys() + " keys, seed " + seeds.seed(0)
            + "'s " + layout + " and " + keyCount);
      }
    }
    int batchSize = settings.get(BATCH_SIZE);
    // Each seed's generator draws as alone: the engine's seed first (the first seed's seeds the engine,
    // from which no weight is drawn: each seed's come from its own stream), then the sampler's split.
    List<AnswerSampler> samplers = new ArrayList<>();
    int[] engineSeeds = new int[data.size()];
    for (int k = 0; k < data.size(); k++) {
      SplittableRandom random = new SplittableRandom(seeds.seed(k));
      engineSeeds[k] = random.nextInt();
      samplers.add(new AnswerSampler(data.get(k).answers(), batchSize, random.split()));
    }
    build(layout.asShape(keyCount), engineSeeds[0], DataType.FLOAT32, inputShapes(layout, keyCount));
    int updates = settings.get(Training.UPDATES);
    Optimizer adam = Optimisers.adam(new WarmupCosine(settings.get(LEARNING_RATE), settings.get(Training.WARMUP),
        updates));
    long flops = flops(layout, keyCount).trainingUpdate(batchSize);
    boolean answerTargets = settings.get(ANSWER_TARGETS);
    int logEvery = settings.get(LOG_EVERY);
    List<int[][]> queryTokens = data.stream().map(RetrievalDataset::queries).toList();
    List<int[][]> keyTokens = data.stream().map(RetrievalDataset::keyTokens).toList();
    List<int[][]> answers = data.stream().map(RetrievalDataset::answers).toList();
    TrainingLoop.run(manager, new Cadence(updates, logEvery, logEvery), logs, (scope, update) -> {
      List<AnswerSampler.Batch> batches = samplers.stream().map(AnswerSampler::next).toList();
      List<int[]> examples = batches.stream().map(AnswerSampler.Batch::examples).toList();
      NDArray queries = layout.queries(scope, queryTokens, examples);
      NDArray keys = layout.keys(scope, keyTokens);
      int[] drawn = batches.stream().flatMapToInt(batch -> Arrays.stream(batch.answers())).toArray();
      NDArray positives = scope.create(drawn, new Shape(batches.size(), batchSize));
      ParameterStore weights = store;
      NDArray loss;
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        loss = loss(network, weights, queries, keys, positives,
            answerTargets ? answerMask(scope, examples, answers, keyCount) : null);
        // Each seed's loss depends on its own slice alone: the sum's gradient is each seed's own.
        collector.backward(loss.sum());
      }
      // Unclipped, as the retrieval models always trained.
      Gradients.stepPerSeed(network, adam, 0, scope);
      // The retrieval models never recorded an update's memory: their curves stay as they were.
      return new UpdateOutcome(loss, Double.NaN, flops) {
        private long[] best;

        @Override
        public boolean measuresMemory() {
          return false;
        }

        @Override
        public void logged(int member, TrainingLoop.Curves curves) {
          if (best == null) {
            best = scores(network, weights, queries, keys, false).argMax(2).toLongArray();
          }
          curves.record("top1_hit", topOneHits(best, member, examples.get(member), answers.get(member)));
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
        // One seed: a model of its own or a group's member.
        NDArray queries = layout.queries(step, List.<int[][]>of(data.queries()), List.of(rows));
        NDArray keys = layout.keys(step, List.<int[][]>of(data.keyTokens()));
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

  /** {@code (K, B, N)}: 1 on every key of the answer of seed k's example i. */
  private static NDArray answerMask(NDManager manager, List<int[]> examples, List<int[][]> answers, int keys) {
    int batch = examples.get(0).length;
    float[] mask = new float[examples.size() * batch * keys];
    for (int k = 0; k < examples.size(); k++) {
      for (int i = 0; i < batch; i++) {
        for (int key : answers.get(k)[examples.get(k)[i]]) {
          mask[(k * batch + i) * keys + key] = 1;
        }
      }
    }
    return manager.create(mask, new Shape(examples.size(), batch, keys));
  }

  /** The share of seed {@code member}'s batch whose best key ({@code best}, {@code (K, B)} flat) is in its answer. */
  private static double topOneHits(long[] best, int member, int[] examples, int[][] answers) {
    int hits = 0;
    for (int i = 0; i < examples.length; i++) {
      if (Arrays.binarySearch(answers[examples[i]], (int) best[member * examples.length + i]) >= 0) {
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
