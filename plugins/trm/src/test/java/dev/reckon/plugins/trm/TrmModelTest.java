package dev.reckon.plugins.trm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reckon.api.Config;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.TrainingLog;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small trm trained for a few seconds on 4x4 Sudoku with 6 blanks, then examined: it learns,
 * it reads out after every supervision step, training memory stays flat, its compute is counted,
 * a checkpoint predicts the same and so does a second model at the same seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrmModelTest {
  private static final int SUPERVISION_STEPS = 2;
  private static final int UPDATES = 240;
  private static final int BATCH = 32;
  private static final Map<String, Object> CONFIG = Map.of("hidden", 32, "latentSteps", 2, "recursions", 2,
      "supervisionSteps", SUPERVISION_STEPS, "updates", UPDATES, "batchSize", BATCH, "learningRate", 0.003,
      "warmup", 10, "evalEvery", 40);
  private static final long SEED = 5;

  private final TrmModelFactory factory = new TrmModelFactory();
  private final SudokuTask task = SudokuTask.ofSide(4);
  private final List<Integer> managedAfterUpdate = new ArrayList<>();
  private final List<Integer> engineArraysAfterUpdate = new ArrayList<>();
  private final List<Double> losses = new ArrayList<>();
  private final List<double[]> trainingFlops = new ArrayList<>();
  private LabelingDataset training;
  private TrmModel model;
  private LabelingDataset evaluation;
  private LabelingPredictions predictions;

  @BeforeAll
  void train() {
    training = task.generate(task.level("b6"), 300, 1);
    model = (TrmModel) factory.create(context(CONFIG, SEED));
    model.train(training, new TrainingLog() {
      @Override
      public void record(int update, String metric, double value) {
        if (metric.equals(TrainingLog.LOSS)) {
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
  void readsOutAfterEverySupervisionStepUpToFourTimesTheTrainedOnes() {
    assertArrayEquals(IntStream.rangeClosed(1, 4 * SUPERVISION_STEPS).toArray(), predictions.iterations());
    assertEquals(SUPERVISION_STEPS, model.trainedIterations().orElseThrow());
  }

  /**
   * Uniform guessing gets a blank right with probability 1/4 and a 6-blank puzzle with 1/4096.
   * Measured with model seeds 5 to 8 (about 2 s of training each; initial weights from the seeds'
   * own streams): cell accuracy at N_sup 0.967, 0.973, 0.952, 0.973; puzzle accuracy 0.85, 0.865,
   * 0.81, 0.895.
   */
  @Test
  void beatsUniformByAWideMargin() {
    double cells = score("cell_accuracy", SUPERVISION_STEPS);
    double puzzles = score("puzzle_accuracy", SUPERVISION_STEPS);
    assertTrue(cells >= 0.9, "cell accuracy at N_sup " + cells);
    assertTrue(puzzles >= 0.6, "puzzle accuracy at N_sup " + puzzles);
  }

  /** Measured with seeds 5 to 8: puzzle accuracy at 4 N_sup 0.875, 0.905, 0.82, 0.905, each above N_sup's. */
  @Test
  void moreSupervisionStepsDoNotHurtOnTheTrainingLevel() {
    double atTrained = score("puzzle_accuracy", SUPERVISION_STEPS);
    double atFourTimes = score("puzzle_accuracy", 4 * SUPERVISION_STEPS);
    assertTrue(atFourTimes >= atTrained - 0.03, "puzzle accuracy " + atTrained + " at N_sup, " + atFourTimes
        + " at 4 N_sup");
  }

  /**
   * The cumulative training FLOPs after every update, rising by the formula's update each time:
   * 4x4 Sudoku has 16 cells and 4 labels; hidden 32, 2 layers, expansion 2, n 2, T 2.
   */
  @Test
  void recordsTrainingFlopsAfterEveryUpdateAndInferenceFlopsAtEveryCount() {
    TrmFlops flops = new TrmFlops(16, 4, 32, 2, 2, 2, 2);
    assertEquals(UPDATES, trainingFlops.size());
    for (int i = 0; i < UPDATES; i++) {
      assertEquals(i + 1, trainingFlops.get(i)[0]);
      assertEquals((double) (i + 1) * flops.trainingUpdate(BATCH), trainingFlops.get(i)[1]);
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
  }

  @Test
  void keepsTheGivensAndAnswersInRange() {
    for (int[][] atIteration : predictions.labels()) {
      for (int p = 0; p < evaluation.size(); p++) {
        for (int cell = 0; cell < 16; cell++) {
          int given = evaluation.givens()[p][cell];
          assertTrue(given == 0 || atIteration[p][cell] == given);
          assertTrue(atIteration[p][cell] >= 1 && atIteration[p][cell] <= 4);
        }
      }
    }
  }

  /** After the first update has made AdamW's state, no update leaves an array behind. */
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
    // tokens 5x32, positions 16x32; a layer: across the cells 16 -> 2x32 and 32 -> 16, across the
    // channels 32 -> 2x64 and 64 -> 32, no biases; the output head 32 -> 4
    long layer = 16 * 64 + 32 * 16 + 32 * 128 + 64 * 32;
    assertEquals(5 * 32 + 16 * 32 + 2 * layer + 32 * 4, model.parameterCount());
  }

  @Test
  void theNetworkKeepsEveryCellsStateAndReadsOutItsLabelsForEachSeed() {
    Settings settings = TrmSettings.DECLARATIONS.read(Config.resolve(factory.settings(), CONFIG));
    try (NDManager manager = NDManager.newBaseManager()) {
      TinyRecursiveNetwork network = new TinyRecursiveNetwork(new SeedAxis(3, 4), 16, 4, settings);
      Shape sequence = new Shape(2, 1, 16, 32);
      network.initialize(manager, DataType.FLOAT32, sequence, sequence, sequence);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray givens = manager.create(new long[2 * 3 * 16], new Shape(2, 3, 16));
      NDArray x = network.embed(store, givens, false);
      assertEquals(new Shape(2, 3, 16, 32), x.getShape());
      RecursionState state = network.recurse(store, x, network.start(manager, 3), false);
      assertEquals(new Shape(2, 3, 16, 32), state.answer().getShape());
      assertEquals(new Shape(2, 3, 16, 32), state.latent().getShape());
      assertEquals(new Shape(2, 3, 16, 4), network.readOut(store, state.answer(), false).getShape());
    }
  }

  @Test
  void aLoadedCheckpointPredictsTheSame(@TempDir Path directory) throws Exception {
    model.save(directory);
    try (Model loaded = factory.create(context(Map.of(), 99))) {
      loaded.load(directory);
      assertSamePredictions(predictions, (LabelingPredictions) loaded.predict(evaluation.withoutAnswers()));
      assertEquals(model.parameterCount(), loaded.parameterCount());
      assertEquals(SUPERVISION_STEPS, loaded.trainedIterations().orElseThrow());
    }
  }

  @Test
  void theSameSeedTrainsTheSameModel() {
    try (Model again = factory.create(context(CONFIG, SEED))) {
      again.train(training, (update, metric, value) -> { });
      assertSamePredictions(predictions, (LabelingPredictions) again.predict(evaluation.withoutAnswers()));
    }
  }

  private void assertSamePredictions(LabelingPredictions expected, LabelingPredictions actual) {
    assertArrayEquals(expected.iterations(), actual.iterations());
    for (int i = 0; i < expected.iterations().length; i++) {
      for (int p = 0; p < evaluation.size(); p++) {
        assertArrayEquals(expected.labels()[i][p], actual.labels()[i][p], "iteration index " + i + ", puzzle " + p);
      }
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
