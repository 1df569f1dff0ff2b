package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The time left estimates each cell from what cells like it took: its model's seconds per planned
 * cost once one of them finished, else its kind's mean; the costly cells that run first are no
 * measure of the cheap ones after them, and a skipped cell takes no time.
 */
class RemainingTimeTest {
  private static final CellKey TABLE = new CellKey("table", "task", "b1", 1);
  private static final CellKey SMALL = new CellKey("transformer", "task", "b1", 1);
  private static final CellKey LARGE = new CellKey("transformer", "task", "b1", 2);
  private static final CellKey OTHER = new CellKey("rrn", "task", "b1", 1);
  private static final CellKey ORACLE = new CellKey("oracle", "task", "b1", 1);
  private static final CellKey DECLINED = new CellKey("declined", "task", "b1", 1);

  @Test
  void aModelSeenIsEstimatedByItsOwnSecondsPerCostAndAnUnseenOneByItsKind() {
    RemainingTime remaining = new RemainingTime(Map.of(
        TABLE, new RemainingTime.Planned("table", true, 1_000_000),
        SMALL, new RemainingTime.Planned("transformer", true, 1_000),
        LARGE, new RemainingTime.Planned("transformer", true, 3_000),
        OTHER, new RemainingTime.Planned("rrn", true, 500),
        DECLINED, new RemainingTime.Planned("declined", true, 0)));
    assertEquals(Optional.empty(), remaining.left(Duration.ofSeconds(10)), "nothing finished: nothing to go by");

    // The table's cost is a thousand times the others' but it took 10 s: by cost alone the rest would
    // take 4.5 ms; by its kind's mean each of the three learning cells left takes 10 s.
    remaining.finished(TABLE, 10);
    assertEquals(Optional.of(Duration.ofSeconds(15)), remaining.left(Duration.ofSeconds(5)),
        "30 cell seconds left against 10 spent, in 5 s of wall time (two cells at once)");

    // The small transformer took 20 s for a cost of 1000: the large one, 3000, takes 60.
    remaining.finished(SMALL, 20);
    remaining.finished(DECLINED, 0);
    assertEquals(Optional.of(Duration.ofSeconds(75)), remaining.left(Duration.ofSeconds(30)),
        "60 + 15 (rrn: the mean of the learning cells) left against 30 spent, in 30 s");
  }

  @Test
  void aCellInTrainingHasDoneItsShare() {
    CellGroup training = group(LARGE);
    RemainingTime remaining = new RemainingTime(Map.of(
        SMALL, new RemainingTime.Planned("transformer", true, 1_000),
        training.first().key(), new RemainingTime.Planned("transformer", true, 3_000)));
    remaining.finished(SMALL, 20);
    remaining.training(training, 50, 100);
    assertEquals(Optional.of(Duration.ofSeconds(30)), remaining.left(Duration.ofSeconds(50)),
        "30 of the large cell's 60 s done: 30 left against 50 spent, in 50 s");
  }

  @Test
  void anEvaluationCellIsEstimatedAsTheEvaluationCellsBeforeIt() {
    CellKey uniform = new CellKey("uniform", "task", "b1", 1);
    RemainingTime remaining = new RemainingTime(Map.of(
        OTHER, new RemainingTime.Planned("rrn", true, 10_000),
        ORACLE, new RemainingTime.Planned("oracle", false, 500),
        uniform, new RemainingTime.Planned("uniform", false, 500)));
    remaining.finished(OTHER, 100);
    assertEquals(Optional.of(Duration.ofSeconds(10)), remaining.left(Duration.ofSeconds(100)),
        "no evaluation cell finished: each at the run's 0.01 s per cost, 5 s");
    remaining.finished(ORACLE, 2);
    assertEquals(Optional.of(Duration.ofSeconds(2)), remaining.left(Duration.ofSeconds(102)),
        "uniform as the oracle took, 2 s");
  }

  @Test
  void cellsOfAnEarlierAttemptAreNoWorkOfThisOne() {
    RemainingTime remaining = new RemainingTime(Map.of(
        SMALL, new RemainingTime.Planned("transformer", true, 1_000),
        LARGE, new RemainingTime.Planned("transformer", true, 3_000),
        OTHER, new RemainingTime.Planned("rrn", true, 500)));
    remaining.reused(LARGE);
    remaining.finished(SMALL, 20);
    assertEquals(Optional.of(Duration.ofSeconds(10)), remaining.left(Duration.ofSeconds(10)));
  }

  @Test
  void thePlannersCostsLeaveSkippedCellsOut() {
    Map<String, Integer> config = Map.of("updates", 100, "batchSize", 10);
    PlannedCell trained = RunExecutorTest.cell("trained", true, config, 1, Optional.empty());
    PlannedCell declined = RunExecutorTest.cell("declined", true, config, 1, Optional.of("not this task"));
    PlannedCell evaluated = RunExecutorTest.cell("evaluated", false, Map.of(), 1, Optional.empty());
    RemainingTime remaining = RemainingTime.of(List.of(trained, declined, evaluated));

    // trained: 1000 training examples and 50 evaluated; evaluated: 50; declined: nothing
    remaining.finished(evaluated.key(), 1);
    assertEquals(Optional.of(Duration.ofSeconds(210)), remaining.left(Duration.ofSeconds(10)),
        "no learning cell finished: the trained cell at the run's seconds per cost, 21 s");
    remaining.finished(trained.key(), 21);
    assertEquals(Optional.of(Duration.ZERO), remaining.left(Duration.ofSeconds(220)), "the declined cell takes none");
  }

  private static CellGroup group(CellKey key) {
    return CellGroup.of(List.of(RunExecutorTest.cell(key.model(), true, Map.of("updates", 1, "batchSize", 1),
        key.seed(), Optional.empty())), true).get(0);
  }
}
