package dev.reckon.plugins.adjacency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Score;
import dev.reckon.api.TrainingLog;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small learned-adjacency model trained for about ten seconds on 4x4 sudoku, never shown the
 * constraint graph: it learns above chance, its graph moves toward the real one, and a checkpoint
 * predicts the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnedAdjacencyModelTest {
  private static final int STEPS = 4;
  private static final Map<String, Object> CONFIG = Map.of("hidden", 32, "steps", STEPS, "updates", 600,
      "batchSize", 32, "learningRate", 0.003, "evalEvery", 50, "neighbours", 7);

  private final LearnedAdjacencyFactory factory = new LearnedAdjacencyFactory();
  private final SudokuTask task = SudokuTask.ofSide(4);
  private final Map<String, List<Double>> curves = new LinkedHashMap<>();
  private final List<Integer> managedAfterUpdate = new ArrayList<>();
  private LearnedAdjacencyModel model;
  private LabelingDataset evaluation;
  private LabelingPredictions predictions;

  @BeforeAll
  void train() {
    model = (LearnedAdjacencyModel) factory.create(new ModelContext(task, Config.resolve(factory.settings(), CONFIG),
        5, "cpu"));
    model.train(task.generate(task.level("b6"), 500, 1), new TrainingLog() {
      @Override
      public void record(int update, String metric, double value) {
        curves.computeIfAbsent(metric, name -> new ArrayList<>()).add(value);
      }

      @Override
      public void progress(int done, int total) {
        managedAfterUpdate.add(model.manager().getManagedArrays().size());
      }
    });
    evaluation = task.generate(task.level("b6"), 200, 2);
    predictions = model.predict(evaluation.withoutAnswers());
  }

  @AfterAll
  void close() {
    model.close();
  }

  /**
   * Cumulative training FLOPs after every update by the formula (4x4 sudoku: 16 nodes, 4 labels;
   * the default sampler width 32; 32 examples an update, 8 puzzles drawn 4 times), and inference
   * FLOPs at every iteration count.
   */
  @Test
  void recordsTrainingFlopsAfterEveryUpdateAndInferenceFlopsAtEveryCount() {
    LearnedAdjacencyFlops flops = new LearnedAdjacencyFlops(
        dev.reckon.graphnets.GraphNetworkFlops.drawn(16, 7, 4, 32, 32, 2), 16, 32);
    List<Double> training = curves.get(dev.reckon.api.TrainingLog.TRAINING_FLOPS);
    assertEquals(600, training.size());
    for (int i = 0; i < training.size(); i++) {
      assertEquals((double) (i + 1) * flops.trainingUpdate(32, STEPS), training.get(i));
    }
    List<Score> inference = predictions.measurements().stream()
        .filter(s -> s.metric().equals(dev.reckon.api.Predictions.INFERENCE_FLOPS)).toList();
    assertEquals(predictions.iterations().length, inference.size());
    for (Score score : inference) {
      assertEquals(flops.inference(score.iterations()), score.value());
      assertEquals(evaluation.size(), score.n());
    }
  }

  @Test
  void fillsBlanksFarBetterThanAGuess() {
    double cells = task.score(evaluation, predictions).stream()
        .filter(s -> s.metric().equals("cell_accuracy") && s.iterations() == STEPS).mapToDouble(Score::value)
        .findFirst().orElseThrow();
    // A uniform guess fills a quarter of the blanks right; the bar is 0.15 above it.
    assertTrue(cells >= 0.4, "blank accuracy at T " + cells);
  }

  @Test
  void itsGraphMovesTowardTheRealOne() {
    List<Double> precision = curves.get(LearnedAdjacencyModel.EDGE_PRECISION);
    // 7 of the 15 other cells are a 4x4 cell's neighbours: a graph drawn at random has precision 7/15.
    assertTrue(precision.get(precision.size() - 1) >= precision.get(0) + 0.1, "edge precision " + precision);
    assertTrue(curves.containsKey(LearnedAdjacencyModel.HEAD_ENTROPY), curves::toString);
    assertTrue(curves.get(LearnedAdjacencyModel.ADVANTAGE_SPREAD).stream().allMatch(sd -> sd > 0), curves::toString);
  }

  @Test
  void trainingMemoryStaysFlat() {
    // The first update adds Adam's state; after it every update frees all it made.
    assertEquals(managedAfterUpdate.get(1), managedAfterUpdate.get(managedAfterUpdate.size() - 1),
        "model arrays after the second and the last update");
  }

  @Test
  void eachLossIsWeighedAgainstTheOtherDrawsOfItsPuzzle() {
    assertArrayEquals(new double[] {-1.5, 0, 1.5, -2, 2}, AdjacencyTrainer.leaveOneOut(new double[] {1, 2, 3, 5, 7},
        3), 1e-12, "two puzzles, drawn 3 times and (the batch's rest) twice");
    assertArrayEquals(new double[] {0, 0}, AdjacencyTrainer.leaveOneOut(new double[] {7, 9}, 1), 1e-12,
        "a puzzle drawn once has no other draw to compare with");
  }

  @Test
  void aLoadedCheckpointPredictsTheSame(@TempDir Path directory) throws Exception {
    model.save(directory);
    try (LearnedAdjacencyModel loaded = (LearnedAdjacencyModel) factory.create(new ModelContext(task,
        Config.resolve(factory.settings(), Map.of()), 9, "cpu"))) {
      loaded.load(directory);
      LabelingPredictions again = loaded.predict(evaluation.withoutAnswers());
      for (int i = 0; i < predictions.iterations().length; i++) {
        for (int p = 0; p < evaluation.size(); p++) {
          assertArrayEquals(predictions.labels()[i][p], again.labels()[i][p], "iteration index " + i + ", puzzle " + p);
        }
      }
      assertEquals(model.parameterCount(), loaded.parameterCount());
    }
  }
}
