package dev.reckon.plugins.trm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.TrainingLog;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three seeds of a small trm trained at once, each on a training set of its own, against the middle
 * seed trained alone: the seed's curves and answers are its own run's, up to float32 sums in
 * another order, and a second group trains the same to the bit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrmGroupTest {
  private static final Map<String, Object> CONFIG = Map.of("hidden", 16, "latentSteps", 2, "recursions", 2,
      "supervisionSteps", 2, "updates", 40, "batchSize", 16, "warmup", 5, "logEvery", 1, "evalEvery", 10);
  private static final long[] SEEDS = {4, 5, 6};
  private static final int ALONE = 1;
  /** A logged point of the group within this share of the run alone's value, plus {@link #ABSOLUTE}. */
  private static final double RELATIVE = 1e-4;
  private static final double ABSOLUTE = 1e-5;

  private final TrmModelFactory factory = new TrmModelFactory();
  private final SudokuTask task = SudokuTask.ofSide(4);
  private final List<Dataset> training = new ArrayList<>();
  private LabelingDataset evaluation;
  private Map<String, Double> aloneCurves;
  private LabelingPredictions alonePredictions;
  private SeedGroup group;
  private List<Map<String, Double>> groupCurves;

  @BeforeAll
  void train() {
    for (int k = 0; k < SEEDS.length; k++) {
      training.add(task.generate(task.level("b6"), 120, 10 + k));
    }
    evaluation = task.generate(task.level("b6"), 100, 2);
    try (Model alone = factory.create(context(SEEDS[ALONE]))) {
      aloneCurves = new LinkedHashMap<>();
      alone.train(training.get(ALONE), into(aloneCurves));
      alonePredictions = predict(alone);
    }
    group = factory.createGroup(contexts()).orElseThrow();
    groupCurves = trainGroup(group);
  }

  @AfterAll
  void close() {
    group.close();
  }

  /**
   * Every logged point within tolerance (the loss, the batch accuracies, the training FLOPs) but the
   * update's memory, which is the group's share, not a seed's own.
   */
  @Test
  void aSeedInAGroupLearnsAsItsRunAlone() {
    Map<String, Double> grouped = groupCurves.get(ALONE);
    assertEquals(aloneCurves.keySet(), grouped.keySet());
    double worst = 0;
    for (Map.Entry<String, Double> point : aloneCurves.entrySet()) {
      if (point.getKey().startsWith(TrainingLog.UPDATE_MEMORY + "@")) {
        continue;
      }
      double expected = point.getValue();
      double actual = grouped.get(point.getKey());
      worst = Math.max(worst, Math.abs(actual - expected));
      assertTrue(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + ABSOLUTE,
          point.getKey() + ": alone " + expected + ", in the group " + actual);
    }
    LabelingPredictions member = predict(group.member(ALONE));
    double share = sameAnswers(alonePredictions, member);
    System.out.println("trm seed " + SEEDS[ALONE] + " alone and grouped: largest difference of a logged point " + worst
        + ", the same answers on " + share + " of the puzzles");
    assertTrue(share >= 0.99, "the same answers on " + share + " of the puzzles");
  }

  /** Each seed starts from its own weights and samples its own training set: its curves are its own. */
  @Test
  void theOtherSeedsLearnTheirOwnCurves() {
    assertNotEquals(groupCurves.get(ALONE), groupCurves.get(0));
    assertNotEquals(groupCurves.get(ALONE), groupCurves.get(2));
  }

  @Test
  void twoGroupsTrainTheSame() {
    try (SeedGroup again = factory.createGroup(contexts()).orElseThrow()) {
      assertEquals(groupCurves, trainGroup(again));
      for (int k = 0; k < SEEDS.length; k++) {
        assertEquals(1.0, sameAnswers(predict(group.member(k)), predict(again.member(k))), "seed " + SEEDS[k]);
      }
    }
  }

  @Test
  void aMembersCheckpointLoadsIntoAModelOfItsOwn(@TempDir Path directory) throws Exception {
    Model member = group.member(ALONE);
    member.save(directory);
    try (Model loaded = factory.create(context(99))) {
      loaded.load(directory);
      assertEquals(1.0, sameAnswers(predict(member), predict(loaded)));
      assertEquals(member.parameterCount(), loaded.parameterCount());
    }
  }

  private List<Map<String, Double>> trainGroup(SeedGroup seeds) {
    List<Map<String, Double>> curves = new ArrayList<>();
    List<TrainingLog> logs = new ArrayList<>();
    for (int k = 0; k < SEEDS.length; k++) {
      curves.add(new LinkedHashMap<>());
      logs.add(into(curves.get(k)));
    }
    seeds.train(training, logs);
    return curves;
  }

  /** A log keeping each point by its curve and update. */
  private static TrainingLog into(Map<String, Double> curves) {
    return (update, metric, value) -> curves.put(metric + "@" + update, value);
  }

  private LabelingPredictions predict(Model model) {
    return (LabelingPredictions) model.predict(evaluation.withoutAnswers());
  }

  /** The share of puzzles answered alike at every iteration count. */
  private double sameAnswers(LabelingPredictions expected, LabelingPredictions actual) {
    assertArrayEquals(expected.iterations(), actual.iterations());
    int same = 0;
    int total = 0;
    for (int i = 0; i < expected.iterations().length; i++) {
      for (int p = 0; p < evaluation.size(); p++) {
        same += Arrays.equals(expected.labels()[i][p], actual.labels()[i][p]) ? 1 : 0;
        total++;
      }
    }
    return (double) same / total;
  }

  private List<ModelContext> contexts() {
    List<ModelContext> contexts = new ArrayList<>();
    for (long seed : SEEDS) {
      contexts.add(context(seed));
    }
    return contexts;
  }

  private ModelContext context(long seed) {
    return new ModelContext(task, Config.resolve(factory.settings(), CONFIG), seed, "cpu");
  }
}
