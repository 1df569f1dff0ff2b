package dev.reckon.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The step-size schedules and the recording cadence, against values worked out by hand. */
class ScheduleTest {
  @Test
  void theCosineRunsFromStartToEndThroughTheMiddleAtHalfway() {
    CosineDecay decay = new CosineDecay(0.002, 0.0001, 100);

    assertEquals(0.002f, decay.getNewValue(0));
    assertEquals((float) ((0.002 + 0.0001) / 2), decay.getNewValue(50), 1e-9);
    assertEquals(0.0001f, decay.getNewValue(100), 1e-9);
    assertEquals(0.0001f, decay.getNewValue(150), 1e-9);
  }

  @Test
  void warmUpRisesLinearlyThenTheCosineFallsToATwentieth() {
    WarmupCosine schedule = new WarmupCosine(0.01, 10, 110);

    assertEquals(0.001f, schedule.getNewValue(1), 1e-9);
    assertEquals(0.01f, schedule.getNewValue(10), 1e-9);
    assertEquals((float) (0.0005 + (0.01 - 0.0005) / 2), schedule.getNewValue(60), 1e-8);
    assertEquals(0.0005f, schedule.getNewValue(110), 1e-9);
  }

  @Test
  void theCadenceRecordsEveryNthUpdateAndTheLast() {
    Cadence cadence = new Cadence(25, 10, 20);

    assertTrue(cadence.logs(10));
    assertFalse(cadence.logs(11));
    assertTrue(cadence.logs(25));
    assertTrue(cadence.evaluates(20));
    assertFalse(cadence.evaluates(10));
    assertTrue(cadence.evaluates(25));
  }
}
