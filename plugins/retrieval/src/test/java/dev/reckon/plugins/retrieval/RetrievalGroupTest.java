package dev.reckon.plugins.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Seeds trained together as one network ({@link SeedGroup}) against each seed trained alone: the
 * same loss curve and scores, up to float32 sums in another order (every logged loss and every
 * centred score within a relative 1e-4 plus an absolute 1e-5, the same best key on 99% of held-out
 * queries), and two group runs alike to the bit.
 */
class RetrievalGroupTest {
  private static final long[] SEEDS = {3, 7, 11};
  /** The middle seed, trained alone and as slice 1 of the group. */
  private static final int MIDDLE = 1;
  private static final double RELATIVE = 1e-4;
  private static final double ABSOLUTE = 1e-5;
  private static final TrainingLog IGNORED = (update, metric, value) -> {};
  /** A stand-in retrieval task: the models only ask for its format. */
  private static final Task TASK = (Task) Proxy.newProxyInstance(Task.class.getClassLoader(),
      new Class<?>[] {Task.class}, (proxy, method, args) -> {
        if (method.getName().equals("format")) {
          return new RetrievalFormat(SetGameFixture.CARDS, SetGameFixture.VOCABULARY);
        }
        throw new UnsupportedOperationException("the fixture task has no " + method.getName());
      });

  private static final Map<String, Object> SMALL = Map.of("width", 16, "layers", 2, "heads", 2, "feedForward", 32,
      "updates", 40, "batchSize", 16, "learningRate", 0.003, "warmup", 5, "logEvery", 5);

  /** Plain rows and drawn keys; segments with answer targets: every path of both networks. */
  private static final List<Map<String, Object>> SETTINGS = List.of(SMALL,
      with(SMALL, "segment", 4, "segmentLayers", 1, "answerTargets", true));

  private static final List<RetrievalFactory<?>> FACTORIES = List.of(new ContrastiveFactory(8),
      new CrossEncoderFactory());

  @Test
  void eachSeedOfAGroupTrainsAndScoresAsAlone() {
    RetrievalDataset queries = SetGameFixture.set(100, 99).withoutAnswers();
    for (RetrievalFactory<?> factory : FACTORIES) {
      for (Map<String, Object> settings : SETTINGS) {
        String cell = factory.id() + " " + settings;
        Run alone = alone(factory, settings, SEEDS[MIDDLE], queries);
        Run grouped = grouped(factory, settings, queries).get(MIDDLE);
        assertEquals(alone.losses.size(), grouped.losses.size(), cell);
        for (int i = 0; i < alone.losses.size(); i++) {
          double expected = alone.losses.get(i);
          double difference = Math.abs(grouped.losses.get(i) - expected);
          assertTrue(difference <= RELATIVE * Math.abs(expected) + ABSOLUTE,
              cell + ": loss point " + i + " alone " + expected + ", grouped " + grouped.losses.get(i));
        }
        int sameBest = 0;
        for (int q = 0; q < alone.scores.length; q++) {
          sameBest += best(alone.scores[q]) == best(grouped.scores[q]) ? 1 : 0;
          float[] expected = centred(alone.scores[q]);
          float[] actual = centred(grouped.scores[q]);
          for (int key = 0; key < expected.length; key++) {
            float difference = Math.abs(actual[key] - expected[key]);
            assertTrue(difference <= RELATIVE * Math.abs(expected[key]) + ABSOLUTE,
                cell + ": query " + q + " key " + key + " alone " + expected[key] + ", grouped " + actual[key]);
          }
        }
        assertTrue(sameBest >= 0.99 * alone.scores.length, cell + ": same best key on " + sameBest + " queries");
        assertEquals(alone.parameters, grouped.parameters, cell);
      }
    }
  }

  @Test
  void twoGroupRunsAreAlike() {
    RetrievalDataset queries = SetGameFixture.set(50, 98).withoutAnswers();
    for (RetrievalFactory<?> factory : FACTORIES) {
      Map<String, Object> settings = with(SMALL, "updates", 15);
      List<Run> first = grouped(factory, settings, queries);
      List<Run> second = grouped(factory, settings, queries);
      for (int k = 0; k < SEEDS.length; k++) {
        assertEquals(first.get(k).losses, second.get(k).losses, factory.id() + " seed " + SEEDS[k]);
        for (int q = 0; q < first.get(k).scores.length; q++) {
          assertArrayEquals(first.get(k).scores[q], second.get(k).scores[q], factory.id() + " query " + q);
        }
      }
    }
  }

  @Test
  void aGroupNeedsOneLayoutAcrossItsTrainingSets() {
    List<Dataset> training = List.of(SetGameFixture.set(20, 1), SetGameFixture.shatter(20, 2),
        SetGameFixture.set(20, 3));
    try (SeedGroup group = group(new ContrastiveFactory(4), SMALL)) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> group.train(training, List.of(IGNORED, IGNORED, IGNORED)));
      assertTrue(error.getMessage().contains("seed 7"), error.getMessage());
    }
  }

  /** A seed's loss curve, its scores on the held-out queries and its parameter count. */
  private record Run(List<Double> losses, float[][] scores, long parameters) {}

  private static Run alone(RetrievalFactory<?> factory, Map<String, Object> settings, long seed,
      RetrievalDataset queries) {
    try (Model model = factory.create(context(factory, settings, seed))) {
      List<Double> losses = new ArrayList<>();
      model.train(training(seed), recording(losses));
      return new Run(losses, scores(model, queries), model.parameterCount());
    }
  }

  private static List<Run> grouped(RetrievalFactory<?> factory, Map<String, Object> settings,
      RetrievalDataset queries) {
    try (SeedGroup group = group(factory, settings)) {
      List<List<Double>> losses = new ArrayList<>();
      List<TrainingLog> logs = new ArrayList<>();
      List<Dataset> training = new ArrayList<>();
      for (long seed : SEEDS) {
        List<Double> curve = new ArrayList<>();
        losses.add(curve);
        logs.add(recording(curve));
        training.add(training(seed));
      }
      group.train(training, logs);
      List<Run> runs = new ArrayList<>();
      for (int k = 0; k < SEEDS.length; k++) {
        Model member = group.member(k);
        runs.add(new Run(losses.get(k), scores(member, queries), member.parameterCount()));
      }
      return runs;
    }
  }

  private static SeedGroup group(RetrievalFactory<?> factory, Map<String, Object> settings) {
    return factory.createGroup(LongStream.of(SEEDS).mapToObj(seed -> context(factory, settings, seed)).toList())
        .orElseThrow();
  }

  /** Each seed trains on a set of its own. */
  private static RetrievalDataset training(long seed) {
    return SetGameFixture.set(200, 100 + seed);
  }

  private static TrainingLog recording(List<Double> losses) {
    return (update, metric, value) -> {
      if (metric.equals(TrainingLog.LOSS)) {
        losses.add(value);
      }
    };
  }

  private static float[][] scores(Model model, RetrievalDataset queries) {
    return ((RetrievalPredictions) model.predict(queries)).scores()[0];
  }

  /**
   * A query's scores less their mean: what the softmax reads. The cross-encoder's common offset (its
   * score's bias) has an exact gradient of 0, so its float gradient is rounding noise, which Adam's
   * normalised steps turn into a drift of their own, alone and grouped alike (0.03 in 13 after 40
   * updates, where the centred scores agree to 3e-6).
   */
  private static float[] centred(float[] scores) {
    double mean = 0;
    for (float score : scores) {
      mean += score / scores.length;
    }
    float[] centred = new float[scores.length];
    for (int key = 0; key < scores.length; key++) {
      centred[key] = (float) (scores[key] - mean);
    }
    return centred;
  }

  private static int best(float[] scores) {
    int best = 0;
    for (int key = 1; key < scores.length; key++) {
      best = scores[key] > scores[best] ? key : best;
    }
    return best;
  }

  private static ModelContext context(RetrievalFactory<?> factory, Map<String, Object> settings, long seed) {
    return new ModelContext(TASK, Config.resolve(factory.settings(), settings), seed, "cpu");
  }

  private static Map<String, Object> with(Map<String, Object> base, Object... overrides) {
    Map<String, Object> settings = new HashMap<>(base);
    for (int i = 0; i < overrides.length; i += 2) {
      settings.put((String) overrides[i], overrides[i + 1]);
    }
    return settings;
  }
}
