package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreTest {
  @Test
  void wilsonIntervalMatchesTheTextbookValue() {
    // 8 of 10: Wilson 95% interval is [0.4902, 0.9433] (Agresti & Coull 1998, eq. 2).
    Score score = Score.proportion("acc", 1, 8, 10);
    assertEquals(0.8, score.value(), 1e-12);
    assertEquals(0.4902, score.ciLow(), 1e-4);
    assertEquals(0.9433, score.ciHigh(), 1e-4);
  }

  @Test
  void wilsonIntervalStaysInsideZeroAndOne() {
    Score none = Score.proportion("acc", 1, 0, 50);
    assertEquals(0.0, none.ciLow());
    assertEquals(0.0713, none.ciHigh(), 1e-4);
    Score all = Score.proportion("acc", 1, 50, 50);
    assertEquals(1.0, all.ciHigh(), 1e-12);
  }

  @Test
  void meanIntervalIsTwoStandardErrorsWide() {
    Score score = Score.mean("kl", 1, new double[] {1, 2, 3, 4});
    assertEquals(2.5, score.value(), 1e-12);
    double half = 1.959963984540054 * Math.sqrt(5.0 / 3 / 4);
    assertEquals(2.5 - half, score.ciLow(), 1e-12);
    assertEquals(2.5 + half, score.ciHigh(), 1e-12);
  }

  @Test
  void impossibleCountsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Score.proportion("acc", 1, 11, 10));
    assertThrows(IllegalArgumentException.class, () -> Score.mean("kl", 1, new double[0]));
  }
}
