package dev.reckon.tasks.sequences;

import static dev.reckon.tasks.sequences.ShortestPathTask.LENGTH_RATIO;
import static dev.reckon.tasks.sequences.ShortestPathTask.PATH_ACCURACY;
import static dev.reckon.tasks.sequences.ShortestPathTask.TOKEN_CROSS_ENTROPY;
import static dev.reckon.tasks.sequences.ShortestPathTask.VALID_PATH_RATE;
import static dev.reckon.tasks.sequences.Scores.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortestPathScoringTest {
  /**
   * A unit square: 0 (0,0), 1 (1,0), 2 (0,1), 3 (1,1), roads around it and one diagonal-free
   * spur 3-4 to (2,1). From 0 to 3 both ways round are 2 long.
   */
  private static final RoadMap SQUARE = RoadMap.of(
      new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 1}},
      List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 3}, new int[] {2, 3}, new int[] {3, 4}));
  private final ShortestPathTask square = new ShortestPathTask(SQUARE);

  @Test
  void theReferenceSolverScoresPerfectlyOnEveryLevel() {
    ShortestPathTask task = new ShortestPathTask(RoadMap.draw(24, 3, new SplittableRandom(1)));
    for (Level level : task.levels()) {
      SequenceDataset data = task.generate(level, 100, 5);
      SequencePredictions solved = (SequencePredictions) task.referenceSolver().orElseThrow()
          .solve(data.withoutAnswers());
      data.check(solved);
      List<Score> scores = task.score(data, solved);
      assertEquals(1.0, value(scores, PATH_ACCURACY, 1), level.id());
      assertEquals(1.0, value(scores, VALID_PATH_RATE, 1), level.id());
      assertEquals(1.0, value(scores, LENGTH_RATIO, 1), 1e-12, level.id());
      assertTrue(Scores.find(scores, TOKEN_CROSS_ENTROPY, 1).isEmpty(), "no probabilities, no cross-entropy");
    }
  }

  @Test
  void metricsArePrimaryFirstWithTheirDirections() {
    assertEquals(List.of(PATH_ACCURACY, VALID_PATH_RATE, LENGTH_RATIO, TOKEN_CROSS_ENTROPY),
        square.metrics().stream().map(Metric::id).toList());
    assertEquals("ratio", square.metrics().get(2).unit());
    assertEquals(Metric.Direction.LOWER_IS_BETTER, square.metrics().get(3).direction());
  }

  @Test
  void anEquallyShortOtherPathIsExact() {
    SequenceDataset data = query(0, 3);
    int[] answer = data.targets()[0];
    int[] other = answer[1] == 1 ? new int[] {0, 2, 3} : new int[] {0, 1, 3};
    List<Score> scores = square.score(data, predict(other));
    assertEquals(1.0, value(scores, PATH_ACCURACY, 1));
    assertEquals(1.0, value(scores, VALID_PATH_RATE, 1));
  }

  @Test
  void aDetourIsValidButNotExactAndItsRatioIsItsLengthOverTheOptimum() {
    // 0 -> 4 is 3 long; 0 1 3 2 0 1 3 4 goes round the square once more: 7 long.
    List<Score> scores = square.score(query(0, 4), predict(new int[] {0, 1, 3, 2, 0, 1, 3, 4}));
    assertEquals(0.0, value(scores, PATH_ACCURACY, 1));
    assertEquals(1.0, value(scores, VALID_PATH_RATE, 1));
    assertEquals(7 / 3.0, value(scores, LENGTH_RATIO, 1), 1e-12);
  }

  @Test
  void aJumpWithoutARoadOrAWrongEndIsInvalidAndLeavesNoRatio() {
    for (int[] wrong : new int[][] {{0, 3}, {0, 1, 4}, {0, 1, 3}, {1, 3, 4}, {0}, {}}) {
      List<Score> scores = square.score(query(0, 4), predict(wrong));
      assertEquals(0.0, value(scores, PATH_ACCURACY, 1));
      assertEquals(0.0, value(scores, VALID_PATH_RATE, 1));
      // A score is a mean of at least one sample: with no valid path the ratio is left out.
      assertTrue(Scores.find(scores, LENGTH_RATIO, 1).isEmpty());
    }
  }

  @Test
  void crossEntropyIsTheMeanOverAnswerPositionsOfMinusLnP() {
    SequenceDataset data = query(0, 4); // an answer of 4 cities
    float[][][] probabilities = {{{0.5f, 0.25f, 1f, 0.5f}}, {{0.5f, 0f}}};
    SequencePredictions predictions = new SequencePredictions(new int[] {1, 2},
        new int[][][] {{{0}}, {{0}}}, probabilities, List.of());
    data.check(predictions);
    List<Score> scores = square.score(data, predictions);
    // ln 2 + ln 4 + 0 + ln 2 = 4 ln 2, over 4 positions.
    assertEquals(Math.log(2), value(scores, TOKEN_CROSS_ENTROPY, 1), 1e-7);
    // p = 0 and two positions without a p each count as p = 1e-9.
    assertEquals((Math.log(2) + 3 * -Math.log(1e-9)) / 4, value(scores, TOKEN_CROSS_ENTROPY, 2), 1e-7);
    assertEquals(4, Scores.find(scores, TOKEN_CROSS_ENTROPY, 2).orElseThrow().n());
  }

  @Test
  void crossEntropyReadsTheAnswersTokenFromEachPositionsDistribution() {
    SequenceDataset data = query(0, 3); // the answer 0, 1, 3
    float[][] positions = {{0.5f, 0.5f, 0, 0, 0}, {0, 0.25f, 0.25f, 0, 0}, {0, 0, 0, 1, 0}};
    SequencePredictions predictions = SequencePredictions.withProbabilities(new int[] {1}, new int[][][] {{{0}}},
        new float[][][][] {{positions}}, List.of());
    data.check(predictions);
    // -ln 0.5 - ln 0.25 - ln 1, over the 3 positions of the answer.
    assertEquals((Math.log(2) + Math.log(4)) / 3, value(square.score(data, predictions), TOKEN_CROSS_ENTROPY, 1),
        1e-7);
  }

  @Test
  void tokenProbabilitiesOfAnotherShapeOrAboveOneAreRefused() {
    SequenceDataset data = query(0, 3);
    float[][] tooWide = {{0.5f, 0.5f, 0, 0, 0, 0}};
    float[][] aboveOne = {{0.75f, 0.5f, 0, 0, 0}};
    for (float[][] positions : List.of(tooWide, aboveOne)) {
      SequencePredictions predictions = SequencePredictions.withProbabilities(new int[] {1}, new int[][][] {{{0}}},
          new float[][][][] {{positions}}, List.of());
      assertThrows(IllegalArgumentException.class, () -> data.check(predictions));
    }
  }

  @Test
  void theAnswerIsDijkstrasPathWithTheLowerIdFirstAmongEquals() {
    assertArrayEquals(new int[] {0, 1, 3}, query(0, 3).targets()[0]);
    assertEquals(List.of("h2", "h3"), square.levels().stream().map(Level::id).toList());
  }

  /** The data of {@code square} at the level of this pair, with only this pair. */
  private SequenceDataset query(int from, int to) {
    int[] path = new ShortestPaths(SQUARE).path(from, to);
    return new SequenceDataset(5, square.format().maxOutputLength(), new int[][] {{from, to}}, new int[][] {path});
  }

  private static SequencePredictions predict(int[] path) {
    return new SequencePredictions(new int[] {1}, new int[][][] {{path}});
  }
}
