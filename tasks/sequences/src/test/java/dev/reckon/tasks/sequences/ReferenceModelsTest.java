package dev.reckon.tasks.sequences;

import static dev.reckon.tasks.sequences.Scores.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Task;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReferenceModelsTest {
  @Test
  void bellmanFordIsExactOnceItHasAsManyRoundsAsThePathHasRoads() {
    ShortestPathTask task = new ShortestPathTask(RoadMap.draw(24, 3, new SplittableRandom(1)));
    for (Level level : task.levels()) {
      int hops = (int) level.difficulty();
      SequenceDataset data = task.generate(level, 200, 9);
      List<Score> scores = score(new BellmanFordFactory(), task, data);
      for (int k = hops; k <= 16; k++) {
        assertEquals(1.0, value(scores, ShortestPathTask.PATH_ACCURACY, k), level.id() + " at k = " + k);
      }
      for (int k = 1; k < hops; k++) {
        // Fewer rounds than roads: at best a longer path of fewer roads.
        assertEquals(0.0, value(scores, ShortestPathTask.PATH_ACCURACY, k), level.id() + " at k = " + k);
      }
    }
  }

  @Test
  void bellmanFordShortOfRoundsAnswersWithThePathOfFewerRoadsOrItsFirstCity() {
    RoadMap map = RoadMap.draw(24, 3, new SplittableRandom(1));
    ShortestPathTask task = new ShortestPathTask(map);
    SequenceDataset data = task.generate(task.level("h6"), 100, 4);
    SequencePredictions predictions = predict(new BellmanFordFactory(), task, data);
    for (int example = 0; example < data.size(); example++) {
      int from = data.inputs()[example][0];
      int to = data.inputs()[example][1];
      int[] atOne = predictions.tokens()[0][example];
      assertArrayEquals(new int[] {from}, atOne, "one round reaches only the first city's neighbours");
      int[] atFive = predictions.tokens()[4][example];
      assertTrue(atFive.length == 1 || (map.isPath(atFive, from, to) && atFive.length <= 6));
    }
  }

  @Test
  void oddEvenSortSortsInAsManyPassesAsTokensAndBarelyInOne() {
    StringTask task = new StringTask(Rearrangement.SORTING, 10);
    for (Level level : task.levels()) {
      int n = (int) level.difficulty();
      List<Score> scores = score(new OddEvenSortFactory(), task, task.generate(level, 300, 2));
      for (int k = n; k <= 16; k++) {
        assertEquals(1.0, value(scores, StringTask.SEQUENCE_ACCURACY, k), level.id() + " at k = " + k);
      }
      // One pass moves a token at most one place: short strings are sometimes that close to sorted.
      double onePass = value(scores, StringTask.SEQUENCE_ACCURACY, 1);
      assertTrue(n < 8 ? onePass < 0.5 : onePass < 0.05, level.id() + " at k = 1: " + onePass);
    }
  }

  @Test
  void predictionsComeAtEveryIterationCountUpToTheMaximum() {
    StringTask task = new StringTask(Rearrangement.SORTING, 10);
    SequenceDataset data = task.generate(task.level("n4"), 3, 2);
    OddEvenSortFactory factory = new OddEvenSortFactory();
    SequencePredictions predictions = (SequencePredictions) factory.create(new ModelContext(task,
        Config.resolve(factory.settings(), Map.of("maxPasses", 5)), 1, "cpu")).predict(data.withoutAnswers());
    assertArrayEquals(IntStream.rangeClosed(1, 5).toArray(), predictions.iterations());
    assertArrayEquals(IntStream.rangeClosed(1, 16).toArray(), predict(new OddEvenSortFactory(), task, data)
        .iterations());
  }

  private static List<Score> score(ModelFactory factory, Task task, SequenceDataset data) {
    SequencePredictions predictions = predict(factory, task, data);
    data.check(predictions);
    return task.score(data, predictions);
  }

  private static SequencePredictions predict(ModelFactory factory, Task task, SequenceDataset data) {
    ModelContext context = new ModelContext(task, Config.resolve(factory.settings(), Map.of()), 1, "cpu");
    return (SequencePredictions) factory.create(context).predict(data.withoutAnswers());
  }
}
