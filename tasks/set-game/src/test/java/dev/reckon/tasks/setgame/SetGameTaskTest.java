package dev.reckon.tasks.setgame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Score;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SetGameTaskTest {
  private static final SetGameTask SET_27 = new SetGameTask(new SetDeck(3, 3), 8);
  private static final SetGameTask SET_81 = new SetGameTask(new SetDeck(4, 3), 8);

  @Test
  void levelsAreTheGamesOrderedByTheirCountOfAnswerSubsets() {
    assertEquals(List.of("set", "shared-attribute", "wildcard", "union", "symdiff", "shatter"),
        SET_27.levels().stream().map(Level::id).toList());
    assertEquals(List.of("set", "shared-attribute", "wildcard", "union", "symdiff", "shatter"),
        SET_81.levels().stream().map(Level::id).toList());
    Map<String, Double> difficulty = difficulties(SET_27);
    assertEquals(Math.log(27) / Math.log(2), difficulty.get("set"), 1e-12);
    assertEquals(Math.log(36) / Math.log(2), difficulty.get("shared-attribute"), 1e-12);
    assertEquals(6, difficulty.get("wildcard"), 1e-12);
    assertEquals(Math.log(55_819_360) / Math.log(2), difficulty.get("union"), 1e-12);
    assertEquals(Math.log(134_202_943) / Math.log(2), difficulty.get("symdiff"), 1e-12);
    assertEquals(27, difficulty.get("shatter"), 1e-6);
    Map<String, Double> difficulty81 = difficulties(SET_81);
    assertEquals(8, difficulty81.get("wildcard"), 1e-12);
    assertEquals(81, difficulty81.get("shatter"), 1e-12);
    for (SetGameTask task : List.of(SET_27, SET_81)) {
      for (int i = 1; i < task.levels().size(); i++) {
        assertTrue(task.levels().get(i - 1).difficulty() <= task.levels().get(i).difficulty());
      }
    }
  }

  @Test
  void levelDescriptionsSayHowTheCountIsKnown() {
    assertTrue(SET_27.level("union").description().contains("(exact: breadth-first search"));
    assertTrue(SET_27.level("set").description().contains("27 = 2^4.75 (exact: all 351 queries listed)"));
    assertTrue(SET_81.level("union").description().contains("(lower bound: every set of at most 8 cards"));
  }

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
    for (Level level : SET_27.levels()) {
      RetrievalDataset first = SET_27.generate(level, 50, 7);
      RetrievalDataset again = SET_27.generate(level, 50, 7);
      RetrievalDataset other = SET_27.generate(level, 50, 8);
      assertTrue(Arrays.deepEquals(first.queries(), again.queries()), level.id());
      assertTrue(Arrays.deepEquals(first.answers(), again.answers()), level.id());
      assertFalse(Arrays.deepEquals(first.queries(), other.queries()), level.id());
    }
  }

  @Test
  void everyGameDrawsWellFormedQueriesWithNonEmptySortedAnswers() {
    for (SetGameTask task : List.of(SET_27, SET_81)) {
      SetDeck deck = task.deck();
      QueryEvaluator evaluator = new QueryEvaluator(deck);
      for (Level level : task.levels()) {
        RetrievalDataset data = task.generate(level, 200, 3);
        assertEquals(deck.size(), data.keys());
        assertEquals(new SetVocabulary(deck).size(), data.vocabulary());
        int length = data.queries()[0].length;
        for (int e = 0; e < data.size(); e++) {
          int[] answer = data.answers()[e];
          assertTrue(answer.length > 0, level.id());
          assertArrayEquals(evaluator.evaluate(data.queries()[e]).stream().toArray(), answer);
          assertEquals(length, data.queries()[e].length, "every query of " + level.id() + " has one length");
          assertTrue(Arrays.stream(data.queries()[e]).allMatch(t -> t >= 0 && t < data.vocabulary()));
        }
      }
    }
  }

  @Test
  void queryLengthsFollowTheLayout() {
    assertEquals(7, SET_27.generate(SET_27.level("set"), 1, 1).queries()[0].length);
    assertEquals(8 * 7 + 7, SET_27.generate(SET_27.level("symdiff"), 1, 1).queries()[0].length);
    assertEquals(81, SET_81.generate(SET_81.level("shatter"), 1, 1).queries()[0].length);
    assertArrayEquals(new int[] {9, 12, 15}, SET_27.generate(SET_27.level("set"), 1, 1).keyTokens()[0]);
  }

  @Test
  void theReferenceSolverScoresPerfectly() {
    for (SetGameTask task : List.of(SET_27, SET_81)) {
      for (Level level : task.levels()) {
        RetrievalDataset data = task.generate(level, 100, 11);
        RetrievalPredictions predictions =
            (RetrievalPredictions) task.referenceSolver().orElseThrow().solve(data.withoutAnswers());
        Map<String, Score> scores = task.score(data, predictions).stream()
            .collect(Collectors.toMap(Score::metric, Function.identity()));
        assertEquals(0, scores.get("kl_divergence").value(), 1e-9, level.id());
        assertEquals(1, scores.get("top_k_overlap").value(), 0, level.id());
        assertEquals(scores.get("answer_entropy").value(), scores.get("entropy").value(), 1e-9, level.id());
      }
    }
  }

  @Test
  void scoresEveryMetricAtEveryIterationCountAndOmitsAbsentAnswerSizes() {
    RetrievalDataset union = SET_27.generate(SET_27.level("union"), 60, 5);
    float[][] zeros = new float[union.size()][union.keys()];
    List<Score> scores = SET_27.score(union, new RetrievalPredictions(new int[] {1, 2}, new float[][][] {zeros, zeros}));
    assertEquals(2 * SET_27.metrics().size(), scores.size());
    assertEquals(List.of(1, 2), scores.stream().map(Score::iterations).distinct().toList());

    RetrievalDataset set = SET_27.generate(SET_27.level("set"), 10, 5);
    List<String> metrics = SET_27.score(set, new RetrievalPredictions(new int[] {1},
        new float[][][] {new float[set.size()][set.keys()]})).stream().map(Score::metric).toList();
    assertEquals(List.of("kl_divergence", "top_k_overlap", "entropy", "answer_entropy"), metrics);
    assertEquals("kl_divergence", SET_27.metrics().get(0).id());
    assertEquals(Metric.Direction.LOWER_IS_BETTER, SET_27.metrics().get(0).direction());
  }

  @Test
  void anUnknownLevelIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SET_27.generate(new Level("sudoku", 1, "not a SET game"), 1, 1));
  }

  private static Map<String, Double> difficulties(SetGameTask task) {
    return task.levels().stream().collect(Collectors.toMap(Level::id, Level::difficulty));
  }
}
