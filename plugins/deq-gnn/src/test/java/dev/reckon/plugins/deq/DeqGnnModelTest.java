package dev.reckon.plugins.deq;

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
import dev.reckon.tasks.sudoku.SudokuTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tiny deq-gnn trained for a few seconds on 4x4 Sudoku with 6 blanks, then examined: it
 * learns, its solver converges and says so, it logs what the harness and the seed's question
 * need, training memory stays flat, and a checkpoint predicts the same. deq-gnn-stable's tests
 * below assert what its penalty does, and that its training repeats exactly at a seed even while
 * garbage is collected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeqGnnModelTest {
  private static final int CAP = 12;
  private static final int UPDATES = 250;
  private static final Map<String, Object> CONFIG = Map.of("hidden", 32, "solverCap", CAP, "updates", UPDATES,
      "batchSize", 32, "learningRate", 0.003, "evalEvery", 50, "maxEvalIterations", 32);
  private static final DeqGnnFactory PLAIN = DeqGnnFactory.plain();

  private final SudokuTask task = SudokuTask.ofSide(4);
  private final List<Integer> managedAfterUpdate = new ArrayList<>();
  private final Map<String, List<Double>> curves = new HashMap<>();
  private DeqGnnModel model;
  private LabelingDataset evaluation;
  private LabelingPredictions predictions;

  @BeforeAll
  void train() {
    model = (DeqGnnModel) PLAIN.create(context(PLAIN, CONFIG, 5));
    model.train(task.generate(task.level("b6"), 300, 1), new TrainingLog() {
      @Override
      public void record(int update, String metric, double value) {
        curves.computeIfAbsent(metric, m -> new ArrayList<>()).add(value);
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

  @Test
  void readsOutAtSolverCapsUpToTheMaximum() {
    assertArrayEquals(new int[] {1, 2, 4, 8, 12, 16, 24, 32}, predictions.iterations());
    assertEquals(CAP, model.trainedIterations().orElseThrow());
  }

  /**
   * Uniform guessing gets a blank right with probability 1/4 and a 6-blank puzzle with 1/4096.
   * Measured with model seeds 5 to 7: both bounds held for each.
   */
  @Test
  void beatsUniformByAWideMargin() {
    double cells = score("cell_accuracy", CAP);
    double puzzles = score("puzzle_accuracy", CAP);
    assertTrue(cells >= 0.9, "cell accuracy at the training cap " + cells);
    assertTrue(puzzles >= 0.7, "puzzle accuracy at the training cap " + puzzles);
  }

  /**
   * At cap 1 the solver has made one step from zero (relative residual 1); with more it uses
   * more and gets closer. Measured at cap 32: 11 to 19 evaluations used on average, mean
   * residual 0.001 to 0.006 (the tolerance is 0.001; some puzzles stop at the cap).
   */
  @Test
  void measuresSolverIterationsAndResidualAtEveryCap() {
    assertEquals(1.0, measurement("solver_iterations", 1).value());
    assertEquals(1.0, measurement("solver_residual", 1).value(), 1e-6);
    Score used = measurement("solver_iterations", 32);
    Score residual = measurement("solver_residual", 32);
    assertEquals(evaluation.size(), used.n());
    assertTrue(used.value() > 2 && used.value() < 32, "mean iterations used " + used.value());
    assertTrue(residual.value() < 0.05, "relative residual at cap 32 " + residual.value());
  }

  /**
   * Cumulative training FLOPs after every update, each update charged between a solve of one
   * evaluation and one that ran to the cap; inference FLOPs at every cap, exact at cap 1 where
   * every puzzle takes one evaluation.
   */
  @Test
  void recordsTrainingFlopsAfterEveryUpdateAndInferenceFlopsAtEveryCap() {
    DeqFlops flops = model.flops();
    List<Double> training = curves.get(TrainingLog.TRAINING_FLOPS);
    assertEquals(UPDATES, training.size());
    double previous = 0;
    for (double cumulative : training) {
      double update = cumulative - previous;
      assertTrue(update >= flops.trainingUpdate(32, 1) && update <= flops.trainingUpdate(32, CAP), "update " + update);
      previous = cumulative;
    }
    assertEquals(flops.inference(1, 1), measurement(Predictions.INFERENCE_FLOPS, 1).value());
    for (int cap : predictions.iterations()) {
      Score score = measurement(Predictions.INFERENCE_FLOPS, cap);
      assertEquals(evaluation.size(), score.n());
      assertTrue(score.value() >= flops.inference(cap, 1) && score.value() <= flops.inference(cap, cap));
    }
    assertTrue(measurement(Predictions.INFERENCE_FLOPS, 32).value() > measurement(Predictions.INFERENCE_FLOPS, 4).value());
  }

  @Test
  void logsMemorySolverAndSpectralNormWhileTraining() {
    for (String metric : List.of("loss", "update_memory_mb", "solver_iterations", "solver_residual",
        "jacobian_spectral_norm", "train_puzzle_accuracy")) {
      assertTrue(curves.containsKey(metric), "no " + metric + " in " + curves.keySet());
    }
    List<Double> norms = curves.get("jacobian_spectral_norm");
    assertTrue(norms.stream().allMatch(n -> n > 0 && Double.isFinite(n)), "norms " + norms);
    assertTrue(curves.get("update_memory_mb").get(0) > 0);
    List<Double> losses = curves.get("loss");
    assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 2, "loss " + losses);
  }

  /**
   * The stabiliser logs its penalty, an estimate of |J|_F^2 / dim, and training lowers it.
   * Measured in three runs, identical: 0.225 at update 10, about 0.07 from update 50 on.
   */
  @Test
  void theStableVariantPushesItsJacobianPenaltyDown() {
    List<Double> penalties = new ArrayList<>();
    Map<String, Object> config = Map.of("hidden", 32, "solverCap", CAP, "updates", 100, "batchSize", 32,
        "learningRate", 0.003, "evalEvery", 50);
    DeqGnnFactory factory = DeqGnnFactory.stable();
    try (Model stable = factory.create(context(factory, config, 5))) {
      stable.train(task.generate(task.level("b6"), 300, 1), (update, metric, value) -> {
        if (metric.equals("jacobian_penalty")) {
          penalties.add(value);
        }
      });
    }
    assertEquals(10, penalties.size(), "one point every 10 updates");
    assertTrue(penalties.stream().allMatch(p -> p > 0 && Double.isFinite(p)), "penalties " + penalties);
    assertTrue(penalties.get(penalties.size() - 1) < penalties.get(0) / 2, "penalties " + penalties);
  }

  /**
   * deq-gnn-stable's training repeats exactly at a seed, also while garbage is collected all the
   * time. Its penalty used to be divided and multiplied by Java numbers, which DJL turns into
   * arrays over Java buffers that it drops at once while autograd keeps them for the backward
   * pass; a collection in between freed them, and the gradient was scaled by whatever the memory
   * then held (a wrong number, 1e16, NaN). Measured so, the training under collections differed
   * from the quiet one from update 1 on, in 3 runs of 3; the rare collection in between is why
   * repeated trainings at one seed differed now and then, in this test and in the suite.
   */
  @Test
  void theStableVariantRepeatsExactlyWhileGarbageIsCollected() throws InterruptedException {
    Map<String, Object> config = Map.of("hidden", 32, "solverCap", CAP, "updates", 20, "batchSize", 32,
        "learningRate", 0.003, "logEvery", 1, "evalEvery", 10);
    List<String> quiet = stableCurve(config);
    Thread collections = new Thread(() -> {
      while (true) {
        System.gc();
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "garbage-collections");
    collections.setDaemon(true);
    collections.start();
    try {
      assertEquals(quiet, stableCurve(config));
    } finally {
      collections.interrupt();
      collections.join();
    }
  }

  /** Every point of a tiny deq-gnn-stable training's curves, value bits included. */
  private List<String> stableCurve(Map<String, Object> config) {
    List<String> curve = new ArrayList<>();
    DeqGnnFactory factory = DeqGnnFactory.stable();
    try (Model stable = factory.create(context(factory, config, 5))) {
      stable.train(task.generate(task.level("b6"), 300, 1),
          (update, metric, value) -> curve.add(update + " " + metric + " " + Double.doubleToLongBits(value)));
    }
    assertTrue(curve.size() > 100, "points " + curve.size());
    return curve;
  }

  /** After the first update has made Adam's state, no update leaves an array behind. */
  @Test
  void trainingMemoryStaysFlat() {
    assertEquals(UPDATES, managedAfterUpdate.size());
    for (int update = 1; update < UPDATES; update++) {
      assertEquals(managedAfterUpdate.get(1), managedAfterUpdate.get(update), "model arrays after update " + (update + 1));
    }
  }

  @Test
  void predictionLeavesNoArrayBehind() {
    int before = model.manager().getManagedArrays().size();
    model.predict(evaluation.withoutAnswers());
    assertEquals(before, model.manager().getManagedArrays().size());
  }

  @Test
  void aLoadedCheckpointPredictsTheSame(@TempDir Path directory) throws Exception {
    model.save(directory);
    try (Model loaded = PLAIN.create(context(PLAIN, Map.of(), 99))) {
      loaded.load(directory);
      LabelingPredictions again = (LabelingPredictions) loaded.predict(evaluation.withoutAnswers());
      assertArrayEquals(predictions.iterations(), again.iterations());
      for (int i = 0; i < predictions.iterations().length; i++) {
        for (int p = 0; p < evaluation.size(); p++) {
          assertArrayEquals(predictions.labels()[i][p], again.labels()[i][p], "cap index " + i + ", puzzle " + p);
        }
      }
      assertEquals(model.parameterCount(), loaded.parameterCount());
      assertEquals(CAP, loaded.trainedIterations().orElseThrow());
    }
  }

  private ModelContext context(DeqGnnFactory factory, Map<String, ?> settings, long seed) {
    return new ModelContext(task, Config.resolve(factory.settings(), settings), seed, "cpu");
  }

  private Score measurement(String metric, int cap) {
    return predictions.measurements().stream()
        .filter(s -> s.metric().equals(metric) && s.iterations() == cap)
        .findFirst()
        .orElseThrow();
  }

  private double score(String metric, int iterations) {
    return task.score(evaluation, predictions).stream()
        .filter(s -> s.metric().equals(metric) && s.iterations() == iterations)
        .mapToDouble(Score::value)
        .findFirst()
        .orElseThrow();
  }
}
