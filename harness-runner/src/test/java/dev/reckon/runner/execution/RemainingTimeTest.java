package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The time left weighs cells by their estimated work: the costly cells that run first are no
 * measure of the cheap ones after them, and a skipped cell takes no time.
 */
class RemainingTimeTest {
  private static final CellKey LARGE = new CellKey("large", "task", "b1", 1);
  private static final CellKey SMALL = new CellKey("small", "task", "b1", 1);
  private static final CellKey TINY = new CellKey("tiny", "task", "b1", 1);
  private static final CellKey DECLINED = new CellKey("declined", "task", "b1", 1);

  @Test
  void theWorkLeftOverTheWorkDoneScalesTheTimeSoFar() {
    RemainingTime remaining = new RemainingTime(Map.of(LARGE, 600L, SMALL, 300L, TINY, 100L, DECLINED, 0L));
    assertEquals(Optional.empty(), remaining.left(Duration.ofSeconds(10)), "nothing done: nothing to go by");

    remaining.finished(LARGE);
    // 60 s for 600 of 1000: 40 s for the 400 left; counting cells would say 60 s a cell, 180 s for three
    assertEquals(Optional.of(Duration.ofSeconds(40)), remaining.left(Duration.ofSeconds(60)));

    remaining.training(group(SMALL), 50, 100);
    // 600 + 150 done in 90 s: 250 left, 30 s
    assertEquals(Optional.of(Duration.ofSeconds(30)), remaining.left(Duration.ofSeconds(90)));

    remaining.finished(SMALL);
    remaining.finished(DECLINED);
    assertEquals(Optional.of(Duration.ofSeconds(10)), remaining.left(Duration.ofSeconds(90)), "100 left at 0.1 s each");
    remaining.finished(TINY);
    assertEquals(Optional.of(Duration.ZERO), remaining.left(Duration.ofSeconds(100)));
  }

  @Test
  void cellsOfAnEarlierAttemptAreNoWorkOfThisOne() {
    RemainingTime remaining = new RemainingTime(Map.of(LARGE, 600L, SMALL, 300L, TINY, 100L));
    remaining.reused(LARGE);
    remaining.finished(TINY);
    assertEquals(Optional.of(Duration.ofSeconds(30)), remaining.left(Duration.ofSeconds(10)));
  }

  @Test
  void thePlannersCostsLeaveSkippedCellsOut() {
    Map<String, Integer> config = Map.of("updates", 100, "batchSize", 10);
    PlannedCell trained = RunExecutorTest.cell("trained", true, config, 1, Optional.empty());
    PlannedCell declined = RunExecutorTest.cell("declined", true, config, 1, Optional.of("not this task"));
    PlannedCell evaluated = RunExecutorTest.cell("evaluated", false, Map.of(), 1, Optional.empty());
    RemainingTime remaining = RemainingTime.of(List.of(trained, declined, evaluated));

    // trained: 1000 training examples and 50 evaluated; evaluated: 50; declined: nothing
    remaining.finished(evaluated.key());
    assertEquals(Optional.of(Duration.ofSeconds(210)), remaining.left(Duration.ofSeconds(10)));
    remaining.finished(trained.key());
    assertEquals(Optional.of(Duration.ZERO), remaining.left(Duration.ofSeconds(220)), "the declined cell takes none");
  }

  private static CellGroup group(CellKey key) {
    return CellGroup.of(List.of(RunExecutorTest.cell(key.model(), true, Map.of("updates", 1, "batchSize", 1),
        key.seed(), Optional.empty())), true).get(0);
  }
}
