package dev.reckon.plugins.rrn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.tasks.sequences.SequencesPlugin;
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
 * A tiny rrn trained for seconds on shortest-path-graphs (a fresh map per example, 8 cities),
 * evaluated on 8 and 12 cities: it beats uniform labels, counts its FLOPs on the padded batches,
 * and a checkpoint predicts the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RrnGraphsPerExampleTest {
  private static final int STEPS = 6;
  private static final int UPDATES = 200;
  private static final int HIDDEN = 32;
  private static final Map<String, Object> CONFIG = Map.of("hidden", HIDDEN, "steps", STEPS, "updates", UPDATES,
      "batchSize", 32, "learningRate", 0.003, "evalEvery", 50, "maxEvalIterations", 12);

  private final RrnModelFactory factory = new RrnModelFactory();
  private Task task;
  private RrnModel model;
  private final List<double[]> trainingFlops = new ArrayList<>();
  private GraphLabelingDataset n8;
  private GraphLabelingDataset n12;
  private LabelingPredictions on8;
  private LabelingPredictions on12;

  @BeforeAll
  void train() {
    TaskFactory tasks = new SequencesPlugin().tasks().stream().filter(t -> t.id().equals("shortest-path-graphs"))
        .findFirst().orElseThrow();
    task = tasks.create(new TaskContext(Config.resolve(tasks.settings(), Map.of()), 1));
    model = (RrnModel) factory.create(new ModelContext(task, Config.resolve(factory.settings(), CONFIG), 5, "cpu"));
    model.train(task.generate(task.level("n8"), 2000, 1), new TrainingLog() {
      @Override
      public void record(int update, String metric, double value) {
        if (metric.equals(TrainingLog.TRAINING_FLOPS)) {
          trainingFlops.add(new double[] {update, value});
        }
      }
    });
    n8 = (GraphLabelingDataset) task.generate(task.level("n8"), 300, 2);
    n12 = (GraphLabelingDataset) task.generate(task.level("n12"), 300, 3);
    on8 = model.predict(n8.withoutAnswers());
    on12 = model.predict(n12.withoutAnswers());
  }

  @AfterAll
  void close() {
    model.close();
  }

  @Test
  void takesTheTask() {
    assertEquals(Support.yes(), factory.supports(task));
  }

  /**
   * Uniform labels get a node right half the time and a whole 8-city path right with probability
   * 2^-8; after 200 updates (a few seconds) the rrn must get 80% of nodes and 20% of paths right.
   */
  @Test
  void beatsUniformLabelsByAWideMargin() {
    n8.check(on8);
    n12.check(on12);
    List<Score> scores8 = task.score(n8, on8);
    List<Score> scores12 = task.score(n12, on12);
    double nodes8 = value(scores8, "node_accuracy", STEPS);
    double paths8 = value(scores8, "path_accuracy", STEPS);
    System.out.printf("rrn on n8 at %d steps: path %.3f node %.3f; n12: path %.3f node %.3f%n", STEPS, paths8, nodes8,
        value(scores12, "path_accuracy", STEPS), value(scores12, "node_accuracy", STEPS));
    assertTrue(nodes8 > 0.8, "node accuracy " + nodes8);
    assertTrue(paths8 > 0.2, "path accuracy " + paths8);
    assertTrue(value(scores12, "node_accuracy", STEPS) > 0.7, "node accuracy on n12");
  }

  @Test
  void countsTrainingFlopsAfterEveryUpdateAndInferenceFlopsOnThePaddedBatches() {
    assertEquals(UPDATES, trainingFlops.size());
    // Every training map has 8 cities; the batch's slots are its largest degree, which varies.
    GraphNetworkFlops smallest = GraphNetworkFlops.perExample(8, 1, 4, 2, HIDDEN, HIDDEN, 2);
    long perUpdate = smallest.trainingUpdate(32, STEPS);
    assertEquals(3L * (32 * (smallest.encoder() + STEPS * (smallest.step() + smallest.readout()))), perUpdate,
        "no position table with graphs per example");
    for (int i = 1; i < trainingFlops.size(); i++) {
      double added = trainingFlops.get(i)[1] - trainingFlops.get(i - 1)[1];
      assertTrue(added >= perUpdate, "update " + (i + 1) + " added " + added);
    }
    // Messages of 2 layers cost nothing per slot, so 8 padded nodes cost the same whatever the degree.
    for (Score score : on8.measurements()) {
      assertEquals(Predictions.INFERENCE_FLOPS, score.metric());
      assertEquals(smallest.inference(score.iterations()), score.value(), 1e-6);
    }
    GraphNetworkFlops twelve = GraphNetworkFlops.perExample(12, 1, 4, 2, HIDDEN, HIDDEN, 2);
    assertEquals(twelve.inference(STEPS), on12.measurements().stream().filter(s -> s.iterations() == STEPS)
        .findFirst().orElseThrow().value(), 1e-6);
  }

  @Test
  void aCheckpointPredictsTheSame(@TempDir Path directory) throws Exception {
    model.save(directory);
    try (RrnModel loaded = (RrnModel) factory.create(new ModelContext(task, Config.resolve(factory.settings(), CONFIG),
        9, "cpu"))) {
      loaded.load(directory);
      assertArrayEquals(on12.labels(), loaded.predict(n12.withoutAnswers()).labels());
      assertEquals(model.parameterCount(), loaded.parameterCount());
    }
  }

  private static double value(List<Score> scores, String metric, int iterations) {
    return scores.stream().filter(s -> s.metric().equals(metric) && s.iterations() == iterations).findFirst()
        .orElseThrow().value();
  }
}
