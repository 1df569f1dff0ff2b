package dev.reckon.plugins.retrieval;

import dev.reckon.api.RetrievalPredictions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The set-game scores, for tests and tuning: KL divergence from the uniform distribution over the
 * answer to the softmax of the scores, and top-K overlap with K the answer's size.
 */
record RetrievalMetrics(double kl, double topKOverlap) {

  static RetrievalMetrics of(float[][] scores, int[][] answers) {
    double kl = 0;
    double overlap = 0;
    for (int i = 0; i < scores.length; i++) {
      kl += kl(scores[i], answers[i]);
      overlap += overlap(scores[i], answers[i]);
    }
    return new RetrievalMetrics(kl / scores.length, overlap / scores.length);
  }

  private static double kl(float[] scores, int[] answer) {
    double[] logQ = RetrievalPredictions.logSoftmax(scores);
    double target = 1.0 / answer.length;
    double kl = 0;
    for (int key : answer) {
      kl += target * (Math.log(target) - logQ[key]);
    }
    return kl;
  }

  private static double overlap(float[] scores, int[] answer) {
    int[] top = IntStream.range(0, scores.length).boxed()
        .sorted(Comparator.comparingDouble((Integer key) -> scores[key]).reversed())
        .limit(answer.length)
        .mapToInt(Integer::intValue)
        .toArray();
    return Arrays.stream(top).filter(key -> Arrays.binarySearch(answer, key) >= 0).count() / (double) answer.length;
  }
}
