package dev.reckon.plugins.transformers;

import static dev.reckon.plugins.transformers.TransformerFixtures.IGNORED;
import static dev.reckon.plugins.transformers.TransformerFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Seeds trained together as one network ({@link SeedGroup}) against each seed trained alone: the
 * same loss curve and answers, up to float32 sums in another order (every logged loss within a
 * relative 1e-4 plus an absolute 1e-5, as is every entry of the token table a member reports;
 * the same answer on 99% of held-out inputs at every iteration count), and two group runs alike to
 * the bit.
 */
class TransformerGroupTest {
  private static final long[] SEEDS = {3, 7, 11};
  /** The middle seed, trained alone and as slice 1 of the group. */
  private static final int MIDDLE = 1;
  private static final double RELATIVE = 1e-4;
  private static final double ABSOLUTE = 1e-5;
  private static final CopyTask COPY = new CopyTask(false);

  private static final Map<String, Object> SMALL = Map.of("width", 16, "heads", 2, "ffnWidth", 32,
      "updates", 40, "batchSize", 16, "learningRate", 3e-3, "logEvery", 5);

  /** The plain stacks and the recurrent model: every path of the network. */
  private static final List<TransformerFactory> FACTORIES = List.of(TransformerFactory.small(),
      TransformerFactory.large(), TransformerFactory.recurrent());

  @Test
  void eachSeedOfAGroupTrainsAndAnswersAsAlone() {
    SequenceDataset inputs = COPY.examples(200, 99).withoutAnswers();
    for (TransformerFactory factory : FACTORIES) {
      Run alone = alone(factory, SMALL, SEEDS[MIDDLE], inputs);
      Run grouped = grouped(factory, SMALL, inputs).get(MIDDLE);
      String cell = factory.id();
      assertEquals(alone.losses.size(), grouped.losses.size(), cell);
      for (int i = 0; i < alone.losses.size(); i++) {
        double expected = alone.losses.get(i);
        double difference = Math.abs(grouped.losses.get(i) - expected);
        assertTrue(difference <= RELATIVE * Math.abs(expected) + ABSOLUTE,
            cell + ": loss point " + i + " alone " + expected + ", grouped " + grouped.losses.get(i));
      }
      assertEquals(alone.answers.length, grouped.answers.length, cell + ": iteration counts");
      for (int i = 0; i < alone.answers.length; i++) {
        int same = 0;
        for (int example = 0; example < inputs.size(); example++) {
          same += Arrays.equals(alone.answers[i][example], grouped.answers[i][example]) ? 1 : 0;
        }
        assertTrue(same >= 0.99 * inputs.size(), cell + ": the same answer on " + same + " inputs at count " + i);
      }
      assertEquals(alone.parameters, grouped.parameters, cell);
      for (int token = 0; token < alone.tokenEmbeddings.length; token++) {
        for (int i = 0; i < alone.tokenEmbeddings[token].length; i++) {
          float expected = alone.tokenEmbeddings[token][i];
          double difference = Math.abs(grouped.tokenEmbeddings[token][i] - expected);
          assertTrue(difference <= RELATIVE * Math.abs(expected) + ABSOLUTE,
              cell + ": token " + token + " [" + i + "] alone " + expected + ", grouped "
                  + grouped.tokenEmbeddings[token][i]);
        }
      }
    }
  }

  @Test
  void twoGroupRunsAreAlike() {
    SequenceDataset inputs = COPY.examples(50, 98).withoutAnswers();
    for (TransformerFactory factory : List.of(TransformerFactory.small(), TransformerFactory.recurrent())) {
      Map<String, Object> settings = with(SMALL, "updates", 15);
      List<Run> first = grouped(factory, settings, inputs);
      List<Run> second = grouped(factory, settings, inputs);
      for (int k = 0; k < SEEDS.length; k++) {
        assertEquals(first.get(k).losses, second.get(k).losses, factory.id() + " seed " + SEEDS[k]);
        assertTrue(Arrays.deepEquals(first.get(k).answers, second.get(k).answers), factory.id() + " seed " + SEEDS[k]);
        assertTrue(Arrays.deepEquals(first.get(k).tokenEmbeddings, second.get(k).tokenEmbeddings),
            factory.id() + " seed " + SEEDS[k]);
      }
    }
  }

  @Test
  void aGroupNeedsAnswersInEveryTrainingSet() {
    List<Dataset> training = List.of(training(3), training(7).withoutAnswers(), training(11));
    try (SeedGroup group = group(TransformerFactory.small(), SMALL)) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> group.train(training, List.of(IGNORED, IGNORED, IGNORED)));
      assertTrue(error.getMessage().contains("seed 7"), error.getMessage());
    }
  }

  /** A seed's loss curve, its answers on the held-out inputs, its parameter count and token table. */
  private record Run(List<Double> losses, int[][][] answers, long parameters, float[][] tokenEmbeddings) {}

  private static Run alone(TransformerFactory factory, Map<String, Object> settings, long seed,
      SequenceDataset inputs) {
    try (Model model = factory.create(context(factory, settings, seed))) {
      List<Double> losses = new ArrayList<>();
      model.train(training(seed), recording(losses));
      return run(losses, model, inputs);
    }
  }

  private static List<Run> grouped(TransformerFactory factory, Map<String, Object> settings,
      SequenceDataset inputs) {
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
        runs.add(run(losses.get(k), group.member(k), inputs));
      }
      return runs;
    }
  }

  private static Run run(List<Double> losses, Model model, SequenceDataset inputs) {
    int[][][] answers = ((SequencePredictions) model.predict(inputs)).tokens();
    return new Run(losses, answers, model.parameterCount(), model.tokenEmbeddings().orElseThrow());
  }

  private static SeedGroup group(TransformerFactory factory, Map<String, Object> settings) {
    return factory.createGroup(LongStream.of(SEEDS).mapToObj(seed -> context(factory, settings, seed)).toList())
        .orElseThrow();
  }

  @Test
  void seedsWhoseTasksDifferInFormatAreNotGrouped() {
    // A task's own seed may change its format (a map of cities whose longest path is shorter):
    // one network cannot hold both layouts, so the runner must train these seeds one by one.
    SequenceFormat longer = new SequenceFormat(CopyTask.VOCABULARY, CopyTask.LONGEST + 2, CopyTask.LONGEST + 2);
    Task other = (Task) Proxy.newProxyInstance(Task.class.getClassLoader(), new Class<?>[] {Task.class},
        (proxy, method, arguments) -> method.getName().equals("format") ? longer : method.invoke(COPY, arguments));
    TransformerFactory factory = TransformerFactory.small();
    Config config = Config.resolve(factory.settings(), SMALL);
    assertTrue(factory.createGroup(List.of(context(factory, SMALL, 3),
        new ModelContext(other, config, 7, "cpu"))).isEmpty());
    Optional<SeedGroup> sameFormat = factory.createGroup(List.of(context(factory, SMALL, 3), context(factory, SMALL, 7)));
    assertTrue(sameFormat.isPresent());
    sameFormat.get().close();
  }

  /** Each seed trains on a set of its own. */
  private static SequenceDataset training(long seed) {
    return COPY.examples(300, 100 + seed);
  }

  private static TrainingLog recording(List<Double> losses) {
    return (update, metric, value) -> {
      if (metric.equals(TrainingLog.LOSS)) {
        losses.add(value);
      }
    };
  }

  private static ModelContext context(TransformerFactory factory, Map<String, Object> settings, long seed) {
    return new ModelContext(COPY, Config.resolve(factory.settings(), settings), seed, "cpu");
  }
}
