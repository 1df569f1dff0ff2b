package dev.reckon.plugins.rrn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tiny rrn trained for a few seconds on 4x4 Sudoku with 6 blanks, then examined: it learns,
 * more steps do not hurt, training memory stays flat, and a checkpoint predicts the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RrnModelTest {
  private static final int STEPS = 6;
  private static final int UPDATES = 150;
  private static final Map<String, Object> CONFIG = Map.of(
      "hidden", 32, "steps", STEPS, "updates", UPDATES, "batchSize", 32, "learningRate", 0.003, "evalEvery", 50);

  private final RrnModelFactory factory = new RrnModelFactory();
  private final SudokuTask task = SudokuTask.ofSide(4);
  private final List<Integer> managedAfterUpdate = new ArrayList<>();
  private final List<Integer> engineArraysAfterUpdate = new ArrayList<>();
  private final List<Double> losses = new ArrayList<>();
  private final List<double[]> trainingFlops = new ArrayList<>();
  private RrnModel model;
  private LabelingDataset evaluation;
  private LabelingPredictions predictions;

  @BeforeAll
  void train() {
    model = (RrnModel) factory.create(context(CONFIG, 5));
    model.train(task.generate(task.level("b6"), 300, 1), new TrainingLog() {
      @Override
      public void record(int update, String metric, double value) {
        if (metric.equals("loss")) {
          losses.add(value);
        }
        if (metric.equals(TrainingLog.TRAINING_FLOPS)) {
          trainingFlops.add(new double[] {update, value});
        }
      }

      @Override
      public void progress(int done, int total) {
        managedAfterUpdate.add(model.manager().getManagedArrays().size());
        engineArraysAfterUpdate.add(model.manager().getParentManager().getManagedArrays().size());
      }
    });
    evaluation = task.generate(task.level("b6"), 200, 2);
    predictions = model.predict(evaluation.withoutAnswers());
  }

  @AfterAll
  void close() {
    model.close();
  }

  @Test
  void readsOutAtPowersOfTwoAndMultiplesOfTheTrainingSteps() {
    assertArrayEquals(new int[] {1, 2, 4, 6, 8, 12, 16, 24}, predictions.iterations());
    assertEquals(STEPS, model.trainedIterations().orElseThrow());
  }

  /**
   * Uniform guessing gets a blank right with probability 1/4 and a 6-blank puzzle with 1/4096.
   * Measured with model seeds 5 to 8: cell accuracy 0.995 to 1, puzzle accuracy 0.99 to 1, and
   * at 4T never below T.
   */
  @Test
  void beatsUniformByAWideMargin() {
    double cells = score("cell_accuracy", STEPS);
    double puzzles = score("puzzle_accuracy", STEPS);
    assertTrue(cells >= 0.9, "cell accuracy at T " + cells);
    assertTrue(puzzles >= 0.8, "puzzle accuracy at T " + puzzles);
  }

  @Test
  void moreStepsDoNotHurtOnTheTrainingLevel() {
    double atT = score("puzzle_accuracy", STEPS);
    double at4T = score("puzzle_accuracy", 4 * STEPS);
    assertTrue(at4T >= atT - 0.03, "puzzle accuracy " + atT + " at T, " + at4T + " at 4T");
  }

  /**
   * The cumulative training FLOPs after every update, rising by the formula's update each time:
   * 4x4 Sudoku has 16 nodes, 12 groups, degree 7 and 4 labels; hidden 32, 2 message layers.
   */
  @Test
  void recordsTrainingFlopsAfterEveryUpdateAndInferenceFlopsAtEveryCount() {
    GraphNetworkFlops flops = new GraphNetworkFlops(16, 7, 12, 4, 32, 32, 2);
    assertEquals(UPDATES, trainingFlops.size());
    for (int i = 0; i < UPDATES; i++) {
      assertEquals(i + 1, trainingFlops.get(i)[0]);
      assertEquals((double) (i + 1) * flops.trainingUpdate(32, STEPS), trainingFlops.get(i)[1]);
    }
    List<Score> inference = predictions.measurements().stream()
        .filter(s -> s.metric().equals(Predictions.INFERENCE_FLOPS)).toList();
    assertEquals(predictions.iterations().length, inference.size());
    for (int i = 0; i < inference.size(); i++) {
      Score score = inference.get(i);
      assertEquals(predictions.iterations()[i], score.iterations());
      assertEquals(flops.inference(score.iterations()), score.value());
      assertEquals(evaluation.size(), score.n());
    }
    assertTrue(inference.get(1).value() > inference.get(0).value());
  }

  @Test
  void keepsTheGivens() {
    for (int[][] atIteration : predictions.labels()) {
      for (int p = 0; p < evaluation.size(); p++) {
        for (int node = 0; node < evaluation.givens()[p].length; node++) {
          int given = evaluation.givens()[p][node];
          assertTrue(given == 0 || atIteration[p][node] == given);
          assertTrue(atIteration[p][node] >= 1 && atIteration[p][node] <= 4);
        }
      }
    }
  }

  /** After the first update has made Adam's state, no update leaves an array behind. */
  @Test
  void trainingMemoryStaysFlat() {
    assertEquals(UPDATES, managedAfterUpdate.size());
    for (int update = 1; update < UPDATES; update++) {
      assertEquals(managedAfterUpdate.get(1), managedAfterUpdate.get(update), "model arrays after update " + (update + 1));
      assertEquals(engineArraysAfterUpdate.get(1), engineArraysAfterUpdate.get(update),
          "engine arrays after update " + (update + 1));
    }
    assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 2, "loss " + losses);
  }

  @Test
  void predictionLeavesNoArrayBehind() {
    int before = model.manager().getManagedArrays().size();
    model.predict(evaluation.withoutAnswers());
    assertEquals(before, model.manager().getManagedArrays().size());
  }

  @Test
  void parameterCountIsTheSumOfTheWeightShapes() {
    // encoder: embeddings 5x32 + 12 groups x32, two 32x32 layers; step: message self 32x32+32,
    // neighbour 32x32, output 32x32+32; GRU 64x96+96 and 32x96+96; readout 32x4+4
    long expected = 5 * 32 + 12 * 32 + 2 * (32 * 32 + 32)
        + (32 * 32 + 32) + 32 * 32 + (32 * 32 + 32)
        + (64 * 96 + 96) + (32 * 96 + 96)
        + (32 * 4 + 4);
    assertEquals(expected, model.parameterCount());
  }

  @Test
  void aLoadedCheckpointPredictsTheSame(@TempDir Path directory) throws Exception {
    model.save(directory);
    try (Model loaded = factory.create(context(Map.of(), 99))) {
      loaded.load(directory);
      LabelingPredictions again = (LabelingPredictions) loaded.predict(evaluation.withoutAnswers());
      assertArrayEquals(predictions.iterations(), again.iterations());
      for (int i = 0; i < predictions.iterations().length; i++) {
        for (int p = 0; p < evaluation.size(); p++) {
          assertArrayEquals(predictions.labels()[i][p], again.labels()[i][p], "iteration index " + i + ", puzzle " + p);
        }
      }
      assertEquals(model.parameterCount(), loaded.parameterCount());
      assertEquals(STEPS, loaded.trainedIterations().orElseThrow());
    }
  }

  private ModelContext context(Map<String, ?> settings, long seed) {
    return new ModelContext(task, Config.resolve(factory.settings(), settings), seed, "cpu");
  }

  private double score(String metric, int iterations) {
    return task.score(evaluation, predictions).stream()
        .filter(s -> s.metric().equals(metric) && s.iterations() == iterations)
        .mapToDouble(Score::value)
        .findFirst()
        .orElseThrow();
  }
}
