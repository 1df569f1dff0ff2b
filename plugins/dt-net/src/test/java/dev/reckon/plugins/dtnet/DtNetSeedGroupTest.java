package dev.reckon.plugins.dtnet;

import static dev.reckon.plugins.dtnet.GridFixtures.MAZE;
import static dev.reckon.plugins.dtnet.GridFixtures.PREFIX_SUMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Three seeds trained at once as one network give each seed what it gets alone: seed 12 alone and
 * as the middle seed of {11, 12, 13}, each seed on its own training set, with recall and the
 * progressive loss (each seed its own pass counts n and k), on 8-bit strings and on 9 x 9 mazes,
 * log the same curves within float32 rounding (a seed's convolution may run another kernel in
 * the grouped one) and answer the same on held-out grids at every pass count; and two group runs
 * are the same to the bit. Width 16, so the recall convolution reads 17 channels on strings and
 * more on mazes, padded per seed.
 */
class DtNetSeedGroupTest {
  private static final Map<String, Object> CONFIG = Map.of("width", 16, "trainedIterations", 4, "maxIterations", 12,
      "updates", 24, "batchSize", 8, "learningRate", 0.005, "logEvery", 1, "evalEvery", 8);
  private static final long[] SEEDS = {11, 12, 13};
  /** Every logged point within this relative difference, plus {@link #ABSOLUTE}. */
  private static final double RELATIVE = 1e-4;
  private static final double ABSOLUTE = 1e-5;

  private final DtNetFactory factory = DtNetFactory.recallProgressive();

  @Test
  void aSeedInAGroupLearnsAndAnswersAsItDoesAloneOnStrings() {
    checkAgainstAlone("prefix sums", PREFIX_SUMS, "n8");
  }

  @Test
  void aSeedInAGroupLearnsAndAnswersAsItDoesAloneOnMazes() {
    checkAgainstAlone("mazes", MAZE, "s9");
  }

  private void checkAgainstAlone(String name, Task task, String level) {
    Dataset evaluation = task.generate(task.level(level), 100, 99);
    Run alone = new Run();
    try (Model model = factory.create(context(task, SEEDS[1]))) {
      model.train(training(task, level, SEEDS[1]), alone.log);
      alone.predictions = (LabelingPredictions) model.predict(evaluation.withoutAnswers());
    }
    List<Run> group = trainGroup(task, level, evaluation);
    Run middle = group.get(1);
    double largest = 0;
    assertEquals(alone.curves.keySet(), middle.curves.keySet());
    for (String curve : alone.curves.keySet()) {
      // The group's memory, shared out, is not a seed's own.
      if (curve.equals(TrainingLog.UPDATE_MEMORY)) {
        continue;
      }
      Map<Integer, Double> expected = alone.curves.get(curve);
      Map<Integer, Double> actual = middle.curves.get(curve);
      assertEquals(expected.keySet(), actual.keySet(), curve);
      for (int update : expected.keySet()) {
        double difference = Math.abs(expected.get(update) - actual.get(update));
        largest = Math.max(largest, difference / (Math.abs(expected.get(update)) + ABSOLUTE / RELATIVE));
        assertTrue(difference <= RELATIVE * Math.abs(expected.get(update)) + ABSOLUTE,
            curve + " at update " + update + ": alone " + expected.get(update) + ", in the group " + actual.get(update));
      }
    }
    double same = sameAnswers(alone.predictions, middle.predictions);
    System.out.printf(Locale.ROOT, "dt-net seed group on %s %s: largest curve difference %.3g of the tolerance's"
        + " scale, same answers %.4f%n", name, level, largest, same);
    assertTrue(same >= 0.99, "answers the same on " + same + " of the (pass count, example) pairs");
    // The other seeds learn too, each its own curve.
    assertNotEquals(group.get(0).curves.get(TrainingLog.LOSS), group.get(2).curves.get(TrainingLog.LOSS));
  }

  @Test
  void twoGroupRunsAreTheSame() {
    Dataset evaluation = PREFIX_SUMS.generate(PREFIX_SUMS.level("n8"), 100, 99);
    List<Run> first = trainGroup(PREFIX_SUMS, "n8", evaluation);
    List<Run> second = trainGroup(PREFIX_SUMS, "n8", evaluation);
    for (int k = 0; k < SEEDS.length; k++) {
      assertEquals(first.get(k).curves, second.get(k).curves, "seed " + SEEDS[k]);
      assertEquals(1.0, sameAnswers(first.get(k).predictions, second.get(k).predictions), "seed " + SEEDS[k]);
    }
  }

  @Test
  void refusesSeedsWhoseGridsDiffer() {
    List<ModelContext> contexts = Arrays.stream(SEEDS).mapToObj(seed -> context(PREFIX_SUMS, seed)).toList();
    List<Dataset> training = List.of(training(PREFIX_SUMS, "n8", SEEDS[0]), training(PREFIX_SUMS, "n8", SEEDS[1]),
        training(PREFIX_SUMS, "n16", SEEDS[2]));
    try (SeedGroup group = factory.createGroup(contexts).orElseThrow()) {
      List<TrainingLog> logs = Arrays.stream(SEEDS).mapToObj(seed -> new Run().log).toList();
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> group.train(training, logs));
      assertTrue(refused.getMessage().contains("seed 13"), refused.getMessage());
    }
  }

  /** The group of {@link #SEEDS}, each on its own training set, and each member's answers. */
  private List<Run> trainGroup(Task task, String level, Dataset evaluation) {
    List<Run> runs = new ArrayList<>();
    List<Dataset> training = new ArrayList<>();
    List<ModelContext> contexts = new ArrayList<>();
    for (long seed : SEEDS) {
      runs.add(new Run());
      training.add(training(task, level, seed));
      contexts.add(context(task, seed));
    }
    try (SeedGroup group = factory.createGroup(contexts).orElseThrow()) {
      group.train(training, runs.stream().map(run -> run.log).toList());
      for (int k = 0; k < SEEDS.length; k++) {
        runs.get(k).predictions = (LabelingPredictions) group.member(k).predict(evaluation.withoutAnswers());
      }
    }
    return runs;
  }

  /** The share of (pass count, example) pairs answered alike. */
  private static double sameAnswers(LabelingPredictions expected, LabelingPredictions actual) {
    int same = 0;
    int total = 0;
    for (int i = 0; i < expected.iterations().length; i++) {
      for (int p = 0; p < expected.labels()[i].length; p++) {
        same += Arrays.equals(expected.labels()[i][p], actual.labels()[i][p]) ? 1 : 0;
        total++;
      }
    }
    return (double) same / total;
  }

  private static Dataset training(Task task, String level, long seed) {
    return task.generate(task.level(level), 200, seed * 7);
  }

  private ModelContext context(Task task, long seed) {
    return new ModelContext(task, Config.resolve(factory.settings(), CONFIG), seed, "cpu");
  }

  /** A seed's curves, each point by update, and its answers. */
  private static final class Run {
    final Map<String, Map<Integer, Double>> curves = new LinkedHashMap<>();
    final TrainingLog log = (update, metric, value) -> curves.computeIfAbsent(metric, m -> new TreeMap<>())
        .put(update, value);
    LabelingPredictions predictions;
  }
}
