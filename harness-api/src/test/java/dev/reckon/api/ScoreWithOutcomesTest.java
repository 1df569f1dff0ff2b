package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task scored with its outcomes scores once if it scores in one pass, and otherwise gives what
 * its two calls give (a plugin built before the call keeps its scores and outcomes).
 */
class ScoreWithOutcomesTest {
  private static final ExampleOutcomes FIRST_RIGHT =
      new ExampleOutcomes("accuracy", 1, 2, BitSet.valueOf(new long[] {1}));
  private static final Dataset DATA = new SequenceDataset(2, 1, new int[2][1], new int[2][1]);
  private static final Predictions NONE = new SequencePredictions(new int[] {1}, new int[1][2][1]);

  @Test
  void aTaskScoringInOnePassScoresOnce() {
    int[] scorings = {0};
    ExampleScoredTask task = new OnePass() {
      @Override
      public List<Score> score(Dataset answers, Predictions predictions, List<ExampleOutcomes> outcomes) {
        scorings[0]++;
        outcomes.add(FIRST_RIGHT);
        return List.of(FIRST_RIGHT.score());
      }
    };

    Task.Scoring scoring = task.scoreWithOutcomes(DATA, NONE);

    assertEquals(1, scorings[0]);
    assertEquals(new Task.Scoring(List.of(FIRST_RIGHT.score()), List.of(FIRST_RIGHT)), scoring);
  }

  @Test
  void aTaskScoringInTwoCallsGivesBoth() {
    Task task = new Stub() {
      @Override
      public List<Score> score(Dataset answers, Predictions predictions) {
        return List.of(FIRST_RIGHT.score());
      }

      @Override
      public List<ExampleOutcomes> outcomes(Dataset answers, Predictions predictions) {
        return List.of(FIRST_RIGHT);
      }
    };

    assertEquals(new Task.Scoring(List.of(FIRST_RIGHT.score()), List.of(FIRST_RIGHT)),
        task.scoreWithOutcomes(DATA, NONE));
  }

  /** A task but for its scoring. */
  private abstract static class Stub implements Task {
    @Override
    public Format format() {
      return new SequenceFormat(2, 1, 1);
    }

    @Override
    public List<Level> levels() {
      return List.of(new Level("l1", 1, "one"));
    }

    @Override
    public List<Metric> metrics() {
      return List.of(new Metric("accuracy", Metric.Direction.HIGHER_IS_BETTER, Metric.FRACTION, "right"));
    }

    @Override
    public Dataset generate(Level level, int count, long seed) {
      return DATA;
    }
  }

  private abstract static class OnePass extends Stub implements ExampleScoredTask {}
}
