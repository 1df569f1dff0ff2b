package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The inference FLOPs every learning model reports: one computed cost a count, its interval itself. */
class PredictionsTest {
  @Test
  void inferenceFlopsGiveEachCountItsCostWithAnIntervalOfItself() {
    List<Score> scores = Predictions.inferenceFlops(new int[] {1, 4}, count -> 10.0 * count, 7);
    assertEquals(List.of(new Score(Predictions.INFERENCE_FLOPS, 1, 10, 7, 10, 10),
        new Score(Predictions.INFERENCE_FLOPS, 4, 40, 7, 40, 40)), scores);
  }
}
