package dev.reckon.plugins.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Score;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TrainingLog;
import dev.reckon.tasks.infonce.InfoNceConvergencePlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables learn what their objectives converge to, on tiny data in seconds: 2000 pairs of the
 * dependent joint, 300 updates of 100 pairs.
 */
class TableModelTest {
  private static final Task TASK =
      new InfoNceConvergencePlugin().tasks().get(0).create(new TaskContext(Config.empty(), 1));
  private static final RetrievalDataset TRAINING = (RetrievalDataset) TASK.generate(TASK.level("dependent"), 2000, 1);
  private static final RetrievalDataset EVALUATION = (RetrievalDataset) TASK.generate(TASK.level("dependent"), 500, 2);
  private static final Map<String, ?> TINY = Map.of("updates", 300, "batchSize", 100);

  @Test
  void likelihoodTablesConvergeToTheConditionalFarBelowChance() {
    double chance = uniform(EVALUATION, "kl_conditional");
    assertTrue(chance > 0.1, "equal scores are " + chance + " nats from p(y|x)");
    for (Objective objective : List.of(Objective.NLL, Objective.PSEUDO_NLL)) {
      List<Score> scores = trained(objective, 1);
      // A hundredth of chance's KL: most of the way to p(y|x) in 300 updates.
      assertTrue(value(scores, "kl_conditional") < chance / 100, objective + ": " + scores);
      assertTrue(value(scores, "kl_pmi") > 10 * value(scores, "kl_conditional"), objective + ": " + scores);
    }
  }

  @Test
  void infoNceConvergesToThePmiRatioNotTheConditional() {
    double chance = uniform(EVALUATION, "kl_pmi");
    List<Score> scores = trained(Objective.INFONCE, 1);
    assertTrue(value(scores, "kl_pmi") < chance / 20, scores + " against equal scores' kl_pmi " + chance);
    assertTrue(value(scores, "kl_conditional") > 10 * value(scores, "kl_pmi"), scores.toString());
  }

  @Test
  void theSameSeedTrainsTheSameTableAndItsCheckpointPredictsAlike(@TempDir Path directory) throws Exception {
    TableFactory factory = new TableFactory(Objective.PSEUDO_NLL);
    try (Model first = create(factory, 4); Model again = create(factory, 4); Model restored = create(factory, 9)) {
      first.train(TRAINING, (update, metric, value) -> { });
      again.train(TRAINING, (update, metric, value) -> { });
      RetrievalPredictions predicted = (RetrievalPredictions) first.predict(EVALUATION.withoutAnswers());
      assertArrayEquals(predicted.scores()[0], ((RetrievalPredictions) again.predict(EVALUATION.withoutAnswers())).scores()[0]);
      first.save(directory);
      restored.load(directory);
      assertArrayEquals(predicted.scores()[0],
          ((RetrievalPredictions) restored.predict(EVALUATION.withoutAnswers())).scores()[0]);
      assertEquals(6 * 6, first.parameterCount());
    }
  }

  /**
   * Seed 4 trained in a group of three (each seed its own data) gives its run alone's loss curve and
   * scores, to float32 rounding: the tables are stepped in double precision from float32 gradients
   * of the same sums, so the stated tolerance is 1e-6 relative.
   */
  @Test
  void aSeedTrainedInAGroupIsTheSeedTrainedAlone() {
    for (Objective objective : Objective.values()) {
      TableFactory factory = new TableFactory(objective);
      List<Dataset> data = List.of(TASK.generate(TASK.level("dependent"), 2000, 7), TRAINING,
          TASK.generate(TASK.level("dependent"), 2000, 8));
      List<List<Double>> groupedLosses = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      List<Double> aloneLosses = new ArrayList<>();
      List<ModelContext> contexts = List.of(context(factory, 3), context(factory, 4), context(factory, 5));
      try (SeedGroup group = factory.createGroup(contexts).orElseThrow(); Model alone = create(factory, 4)) {
        group.train(data, groupedLosses.stream().map(TableModelTest::lossesTo).toList());
        alone.train(TRAINING, lossesTo(aloneLosses));
        assertEquals(aloneLosses.size(), groupedLosses.get(1).size());
        for (int i = 0; i < aloneLosses.size(); i++) {
          assertEquals(aloneLosses.get(i), groupedLosses.get(1).get(i), 1e-6 * Math.abs(aloneLosses.get(i)),
              objective.id() + " loss at point " + i);
        }
        float[][] grouped = ((RetrievalPredictions) group.member(1).predict(EVALUATION.withoutAnswers())).scores()[0];
        float[][] single = ((RetrievalPredictions) alone.predict(EVALUATION.withoutAnswers())).scores()[0];
        for (int example = 0; example < single.length; example++) {
          assertArrayEquals(single[example], grouped[example], 1e-5f, objective.id() + " example " + example);
        }
        assertTrue(!groupedLosses.get(0).equals(groupedLosses.get(1)), "the seeds of a group train apart");
      }
    }
  }

  private static TrainingLog lossesTo(List<Double> losses) {
    return (update, metric, value) -> {
      if (metric.equals(TrainingLog.LOSS)) {
        losses.add(value);
      }
    };
  }

  /** Cumulative training FLOPs after every update (a 6 x 6 table, batches of 100), and a look-up's 0 at inference. */
  @Test
  void recordsTrainingFlopsAfterEveryUpdateAndInferenceFlops() {
    for (Objective objective : Objective.values()) {
      java.util.List<Double> points = new java.util.ArrayList<>();
      try (Model model = create(new TableFactory(objective), 1)) {
        model.train(TRAINING, (update, metric, value) -> {
          if (metric.equals(dev.reckon.api.TrainingLog.TRAINING_FLOPS)) {
            assertEquals(points.size() + 1, update);
            points.add(value);
          }
        });
        assertEquals(300, points.size());
        for (int i = 0; i < points.size(); i++) {
          assertEquals((double) (i + 1) * TableFlops.trainingUpdate(objective, 100, 6, 6), points.get(i));
        }
        assertTrue(points.get(0) > 0);
        List<Score> measured = ((RetrievalPredictions) model.predict(EVALUATION.withoutAnswers())).measurements();
        assertEquals(1, measured.size());
        assertEquals(dev.reckon.api.Predictions.INFERENCE_FLOPS, measured.get(0).metric());
        assertEquals(0, measured.get(0).value());
        assertEquals(EVALUATION.size(), measured.get(0).n());
      }
    }
  }

  private static List<Score> trained(Objective objective, long seed) {
    try (Model model = create(new TableFactory(objective), seed)) {
      model.train(TRAINING, (update, metric, value) -> { });
      return TASK.score(EVALUATION, model.predict(EVALUATION.withoutAnswers()));
    }
  }

  private static Model create(TableFactory factory, long seed) {
    return factory.create(context(factory, seed));
  }

  private static ModelContext context(TableFactory factory, long seed) {
    return new ModelContext(TASK, Config.resolve(factory.settings(), TINY), seed, "cpu");
  }

  private static double uniform(RetrievalDataset data, String metric) {
    float[][] equal = new float[data.size()][data.keys()];
    return value(TASK.score(data, new RetrievalPredictions(new int[] {1}, new float[][][] {equal})), metric);
  }

  private static double value(List<Score> scores, String metric) {
    return scores.stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow().value();
  }
}
