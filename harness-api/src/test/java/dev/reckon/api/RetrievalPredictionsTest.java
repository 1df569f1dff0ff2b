package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RetrievalPredictionsTest {
  @Test
  void theLogSoftmaxOfLargeScoresStaysFinite() {
    double[] logs = RetrievalPredictions.logSoftmax(new float[] {1e4f, 1e4f, -1e4f, 3e38f - 1e30f});
    assertEquals(0, logs[3], 1e-12);
    double[] even = RetrievalPredictions.logSoftmax(new float[] {1000, 1000});
    assertEquals(-Math.log(2), even[0], 1e-12);
    assertEquals(-Math.log(2), even[1], 1e-12);
  }
}
