package dev.reckon.plugins.rrn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.api.TrainingLog;
import dev.reckon.tasks.sequences.SequencesPlugin;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Three seeds trained at once as one network give each seed what it gets alone: seed 12 alone and
 * as the middle seed of {11, 12, 13}, each seed on its own training set, log the same curves within
 * float32 rounding (the seed's sums may run in another order in the stacked arrays) and answer the
 * same, on a shared graph (4x4 sudoku) and on graphs per example (shortest paths, the seeds'
 * batches padded together); and two group runs are the same to the bit.
 */
class RrnSeedGroupTest {
  private static final Map<String, Object> CONFIG = Map.of("hidden", 16, "steps", 3, "updates", 30, "batchSize", 16,
      "learningRate", 0.003, "logEvery", 1, "evalEvery", 10, "maxEvalIterations", 6);
  private static final long[] SEEDS = {11, 12, 13};
  /** Every logged point within this relative difference, plus {@link #ABSOLUTE}. */
  private static final double RELATIVE = 1e-4;
  private static final double ABSOLUTE = 1e-5;

  private final RrnModelFactory factory = new RrnModelFactory();
  private Task task = SudokuTask.ofSide(4);
  private String level = "b6";
  private Dataset evaluation = task.generate(task.level(level), 100, 99);

  @Test
  void aSeedInAGroupLearnsAndAnswersAsItDoesAlone() {
    // The group's memory, shared out, is not a seed's own.
    checkAgainstAlone(Set.of(TrainingLog.UPDATE_MEMORY));
  }

  @Test
  void aSeedInAGroupLearnsAndAnswersAsItDoesAloneOnGraphsPerExample() {
    TaskFactory tasks = new SequencesPlugin().tasks().stream().filter(t -> t.id().equals("shortest-path-graphs"))
        .findFirst().orElseThrow();
    task = tasks.create(new TaskContext(Config.resolve(tasks.settings(), Map.of()), 1));
    level = "n8";
    evaluation = task.generate(task.level(level), 100, 99);
    // Nor are the FLOPs of the group's batch, padded to the largest graph of every seed's batch.
    checkAgainstAlone(Set.of(TrainingLog.UPDATE_MEMORY, TrainingLog.TRAINING_FLOPS));
  }

  private void checkAgainstAlone(Set<String> notOwn) {
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
      if (notOwn.contains(curve)) {
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
    System.out.printf("rrn seed group on " + level + ": largest curve difference %.3g of the tolerance's scale, same answers %.4f%n",
        largest, same);
    assertTrue(same >= 0.99, "answers the same on " + same + " of the examples");
    // The other seeds learn too, each its own curve.
    assertTrue(!group.get(0).curves.get(TrainingLog.LOSS).equals(group.get(2).curves.get(TrainingLog.LOSS)));
  }

  @Test
  void refusesSeedsWhoseGraphsDiffer() {
    SudokuTask larger = SudokuTask.ofSide(6);
    List<ModelContext> contexts = Arrays.stream(SEEDS).mapToObj(this::context).toList();
    List<Dataset> training = List.of(training(SEEDS[0]), training(SEEDS[1]),
        larger.generate(larger.level("b12"), 20, 1));
    try (SeedGroup group = factory.createGroup(contexts).orElseThrow()) {
      List<TrainingLog> logs = Arrays.stream(SEEDS).mapToObj(seed -> new Run().log).toList();
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> group.train(training, logs));
      assertTrue(refused.getMessage().contains("seed 13"), refused.getMessage());
    }
  }

  @Test
  void twoGroupRunsAreTheSame() {
    List<Run> first = trainGroup();
    List<Run> second = trainGroup();
    for (int k = 0; k < SEEDS.length; k++) {
      assertEquals(first.get(k).curves.get(TrainingLog.LOSS), second.get(k).curves.get(TrainingLog.LOSS), "seed " + k);
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
  private double sameAnswers(LabelingPredictions expected, LabelingPredictions actual) {
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
    return task.generate(task.level(level), 200, seed * 7);
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
