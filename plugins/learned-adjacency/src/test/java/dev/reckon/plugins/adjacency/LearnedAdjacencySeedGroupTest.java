package dev.reckon.plugins.adjacency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.TrainingLog;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Three seeds trained at once as one network, the sampler's weights, draws and surrogates included,
 * give each seed what it gets alone: seed 12 alone and as the middle seed of {11, 12, 13}, each
 * seed on its own training set of 4x4 sudoku, logs the same curves within float32 rounding (the
 * seed's sums may run in another order in the stacked arrays) and answers the same; and two group
 * runs are the same to the bit.
 */
class LearnedAdjacencySeedGroupTest {
  private static final Map<String, Object> CONFIG = Map.of("hidden", 16, "steps", 3, "updates", 30, "batchSize", 16,
      "learningRate", 0.003, "logEvery", 1, "evalEvery", 10, "maxEvalIterations", 6, "neighbours", 7,
      "samplerWidth", 8);
  private static final long[] SEEDS = {11, 12, 13};
  /** Every logged point within this relative difference, plus {@link #ABSOLUTE}. */
  private static final double RELATIVE = 1e-4;
  private static final double ABSOLUTE = 1e-5;

  private final LearnedAdjacencyFactory factory = new LearnedAdjacencyFactory();
  private final SudokuTask task = SudokuTask.ofSide(4);
  private final Dataset evaluation = task.generate(task.level("b6"), 100, 99);

  @Test
  void aSeedInAGroupLearnsAndAnswersAsItDoesAlone() {
    Run alone = new Run();
    try (Model model = factory.create(context(SEEDS[1]))) {
      model.train(training(SEEDS[1]), alone.log);
      alone.predictions = (LabelingPredictions) model.predict(evaluation.withoutAnswers());
    }
    List<Run> group = trainGroup();
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
            curve + " at update " + update + ": alone " + expected.get(update) + ", in the group "
                + actual.get(update));
      }
    }
    double same = sameAnswers(alone.predictions, middle.predictions);
    System.out.printf("learned-adjacency seed group: largest curve difference %.3g of the tolerance's scale, "
        + "same answers %.4f%n", largest, same);
    assertEquals(1.0, same, "answers the same on " + same + " of the examples");
    // The other seeds learn too, each its own curve.
    assertNotEquals(group.get(0).curves.get(TrainingLog.LOSS), group.get(2).curves.get(TrainingLog.LOSS));
  }

  @Test
  void twoGroupRunsAreTheSame() {
    List<Run> first = trainGroup();
    List<Run> second = trainGroup();
    for (int k = 0; k < SEEDS.length; k++) {
      assertEquals(first.get(k).curves, second.get(k).curves, "seed " + k);
      assertEquals(1.0, sameAnswers(first.get(k).predictions, second.get(k).predictions), "seed " + k);
    }
  }

  /** The group of {@link #SEEDS}, each on its own training set, and each member's answers. */
  private List<Run> trainGroup() {
    List<Run> runs = new ArrayList<>();
    List<Dataset> training = new ArrayList<>();
    List<ModelContext> contexts = new ArrayList<>();
    for (long seed : SEEDS) {
      runs.add(new Run());
      training.add(training(seed));
      contexts.add(context(seed));
    }
    try (SeedGroup group = factory.createGroup(contexts).orElseThrow()) {
      group.train(training, runs.stream().map(run -> run.log).toList());
      for (int k = 0; k < SEEDS.length; k++) {
        runs.get(k).predictions = (LabelingPredictions) group.member(k).predict(evaluation.withoutAnswers());
      }
    }
    return runs;
  }

  /** The share of (iteration count, example) pairs answered alike. */
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

  private Dataset training(long seed) {
    return task.generate(task.level("b6"), 200, seed * 7);
  }

  private ModelContext context(long seed) {
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
