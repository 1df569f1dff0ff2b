package dev.reckon.plugins.transformers;

import static dev.reckon.plugins.transformers.TransformerFixtures.IGNORED;
import static dev.reckon.plugins.transformers.TransformerFixtures.create;
import static dev.reckon.plugins.transformers.TransformerFixtures.exactAccuracy;
import static dev.reckon.plugins.transformers.TransformerFixtures.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Model;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TransformerModelTest {
  private static final CopyTask COPY = new CopyTask(false);
  /** The share of exact copies the quick learning tests demand, thousands of times chance. */
  private static final double QUICK_COPY_SHARE = 0.9;

  private static final Map<String, Object> QUICK = Map.of("updates", 20, "batchSize", 8, "logEvery", 5);

  /**
   * A few seconds of training at a high learning rate: chance is at most 8^-4 (about 0.0002) an
   * answer; after 150 updates the small stack copied 99.7% of 300 held-out inputs exactly and the
   * recurrent model 100% at T (99.3% after one application, 70% at 4T).
   */
  @Test
  void aSmallStackBeatsChanceOnCopyWithinSeconds() {
    try (Model model = create(TransformerFactory.small(), COPY, Map.of("updates", 150, "learningRate", 3e-3), 3)) {
      model.train(COPY.examples(2000, 1), IGNORED);
      double[] accuracy = exactAccuracy(model, COPY.examples(300, 2));
      assertTrue(accuracy[0] >= QUICK_COPY_SHARE, "exact copies " + accuracy[0]);
    }
  }

  @Test
  void theRecurrentModelLearnsAndAnswersAtEveryApplicationUpTo4T() {
    try (Model model = create(TransformerFactory.recurrent(), COPY, Map.of("updates", 150, "learningRate", 3e-3), 3)) {
      model.train(COPY.examples(2000, 1), IGNORED);
      assertEquals(OptionalInt.of(4), model.trainedIterations());
      SequenceDataset heldOut = COPY.examples(300, 2);
      SequencePredictions predictions = (SequencePredictions) model.predict(heldOut.withoutAnswers());
      assertArrayEquals(IntStream.rangeClosed(1, 16).toArray(), predictions.iterations());
      assertNull(predictions.targetProbabilities(), "predict sees no answers, so it gives no answer probabilities");
      float[][] slots = predictions.tokenProbabilities()[3][0];
      assertEquals(COPY.format().maxOutputLength(), slots.length);
      assertEquals(COPY.format().vocabulary(), slots[0].length);
      heldOut.withoutAnswers().check(predictions);
      double[] accuracy = exactAccuracy(model, heldOut);
      assertTrue(accuracy[3] >= QUICK_COPY_SHARE, "exact copies at T " + accuracy[3]);
    }
  }

  @Test
  void sameSeedSamePredictions() {
    SequenceDataset training = COPY.examples(200, 4);
    SequenceDataset inputs = COPY.examples(50, 5).withoutAnswers();
    for (TransformerFactory factory : List.of(TransformerFactory.small(), TransformerFactory.recurrent())) {
      int[][][][] runs = new int[2][][][];
      for (int run = 0; run < 2; run++) {
        try (Model model = create(factory, COPY, QUICK, 9)) {
          model.train(training, IGNORED);
          runs[run] = ((SequencePredictions) model.predict(inputs)).tokens();
        }
      }
      assertTrue(Arrays.deepEquals(runs[0], runs[1]), factory.id() + ": two runs with one seed differ");
    }
  }

  @Test
  void recordsCumulativeTrainingFlopsAfterEveryUpdate() {
    List<double[]> points = new ArrayList<>();
    TrainingLog log = (update, metric, value) -> {
      if (metric.equals(TrainingLog.TRAINING_FLOPS)) {
        points.add(new double[] {update, value});
      }
    };
    try (Model model = create(TransformerFactory.recurrent(), COPY, QUICK, 1)) {
      model.train(COPY.examples(100, 1), log);
      TransformerFactory factory = TransformerFactory.recurrent();
      TransformerFlops flops = new TransformerFlops(SlotLayout.of(CopyTask.FORMAT),
          factory.declarations().read(Config.resolve(factory.settings(), QUICK)));
      assertEquals(20, points.size());
      for (int i = 0; i < points.size(); i++) {
        assertEquals(i + 1, points.get(i)[0]);
        assertEquals((double) (i + 1) * flops.trainingUpdate(), points.get(i)[1]);
      }
      List<Score> inference = ((SequencePredictions) model.predict(COPY.examples(10, 2).withoutAnswers()))
          .measurements();
      assertEquals(16, inference.size());
      for (Score score : inference) {
        assertEquals(Predictions.INFERENCE_FLOPS, score.metric());
        assertEquals(flops.inference(score.iterations()), score.value());
        assertEquals(10, score.n());
      }
    }
  }

  /** The model may be asked to predict from within the training-FLOPs record, as the runner does at a budget. */
  @Test
  void predictsFromWithinTheTrainingFlopsRecord() {
    SequenceDataset inputs = COPY.examples(10, 2).withoutAnswers();
    List<Integer> answered = new ArrayList<>();
    Model[] model = new Model[1];
    TrainingLog log = (update, metric, value) -> {
      if (metric.equals(TrainingLog.TRAINING_FLOPS) && update % 5 == 0) {
        answered.add(((SequencePredictions) model[0].predict(inputs)).tokens()[0].length);
      }
    };
    try (Model created = create(TransformerFactory.small(), COPY, QUICK, 1)) {
      model[0] = created;
      created.train(COPY.examples(100, 1), log);
    }
    assertEquals(List.of(10, 10, 10, 10), answered);
  }

  @Test
  void trainingKeepsTheLongLivedManagerFlat() {
    for (TransformerFactory factory : List.of(TransformerFactory.small(), TransformerFactory.recurrent())) {
      List<Integer> arrays = new ArrayList<>();
      try (Model model = create(factory, COPY, with(QUICK, "updates", 30, "logEvery", 7), 1)) {
        TransformerModel transformer = (TransformerModel) model;
        model.train(COPY.examples(100, 1), new TrainingLog() {
          @Override
          public void record(int update, String metric, double value) {}

          @Override
          public void progress(int done, int total) {
            arrays.add(transformer.manager().getManagedArrays().size());
          }
        });
      }
      // The first update creates the optimiser's state; from then on every update frees what it made.
      List<Integer> afterWarmUp = arrays.subList(2, arrays.size());
      assertTrue(afterWarmUp.stream().allMatch(afterWarmUp.get(0)::equals),
          factory.id() + ": arrays on the model's manager after each update " + arrays);
    }
  }

  @Test
  void parameterCountAndTokenEmbeddingsFollowTheShapes() {
    int w = 8;
    int f = 12;
    int v = CopyTask.VOCABULARY;
    int length = 6 + 1 + 6;
    // Four attention projections with biases, two layer norms, the feed-forward pair.
    long layer = 4L * (w * w + w) + 2 * 2 * w + (w * f + f) + (f * w + w);
    long embeddings = (v + 3) * w + length * w;
    long readout = 2 * w + (w * (v + 1) + v + 1);
    Map<String, Object> tiny = with(QUICK, "width", w, "heads", 2, "ffnWidth", f, "updates", 1);
    try (Model stack = create(TransformerFactory.small(), COPY, tiny, 1);
        Model recurrent = create(TransformerFactory.recurrent(), COPY, tiny, 1)) {
      stack.train(COPY.examples(10, 1), IGNORED);
      recurrent.train(COPY.examples(10, 1), IGNORED);
      assertEquals(embeddings + 2 * layer + readout, stack.parameterCount());
      assertEquals(embeddings + 2 * layer + readout, recurrent.parameterCount(), "1 untied layer and the tied one");
      float[][] tokens = stack.tokenEmbeddings().orElseThrow();
      assertEquals(v, tokens.length);
      assertTrue(Arrays.stream(tokens).allMatch(row -> row.length == w));
    }
  }

  @Test
  void declinesOtherFormatsSayingWhy() {
    Task retrieval = (Task) Proxy.newProxyInstance(Task.class.getClassLoader(), new Class<?>[] {Task.class},
        (proxy, method, args) -> new RetrievalFormat(27, 12));
    Support support = TransformerFactory.large().supports(retrieval);
    assertFalse(support.supported());
    assertEquals("transformer-large reads and writes token sequences; this task's format is retrieval",
        support.reason());
  }
}
