package dev.reckon.tasks.setgame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Score;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetrievalScorerTest {
  private final RetrievalScorer scorer = new RetrievalScorer();

  @Test
  void uniformScoresGiveKlOfLogKeysOverAnswerAndEntropyOfLogKeys() {
    int keys = 27;
    int[][] answers = {{0}, {1, 2, 3}, range(0, 12), range(5, 27)};
    Map<String, Score> scores = score(keys, answers, new float[answers.length][keys]);
    double expectedKl = (Math.log(27.0 / 1) + Math.log(27.0 / 3) + Math.log(27.0 / 12) + Math.log(27.0 / 22)) / 4;
    assertEquals(expectedKl, scores.get("kl_divergence").value(), 1e-12);
    assertEquals(Math.log(27), scores.get("entropy").value(), 1e-12);
    assertEquals((Math.log(1) + Math.log(3) + Math.log(12) + Math.log(22)) / 4, scores.get("answer_entropy").value(), 1e-12);
    // Only the answer of 12 keys has 10 to 20: uniform ranks keys 0..11 first, all of them positive.
    assertEquals(Math.log(27.0 / 12), scores.get("kl_divergence_10_20").value(), 1e-12);
    assertEquals(1, scores.get("kl_divergence_10_20").n());
    assertEquals(1, scores.get("top_k_overlap_10_20").value(), 0);
  }

  @Test
  void topKCountsTheAnswerAmongTheKBestWithTiesToTheLowerKey() {
    // Answer {1, 3, 4}, K = 3. Ranked: key 2 (5.0), then keys 0, 1, 3 tie at 1.0 -> 0 and 1 come
    // first; the top 3 are {2, 0, 1}, one of them positive.
    float[] logits = {1, 1, 5, 1, 0};
    assertEquals(1.0 / 3, RetrievalScorer.topKOverlap(new int[] {1, 3, 4}, logits), 1e-15);
    assertEquals(1, RetrievalScorer.topKOverlap(new int[] {0, 1, 2}, logits), 0);
  }

  @Test
  void largeLogitsStayFinite() {
    float[] logits = {1e4f, 1e4f, -1e4f, 3e38f - 1e30f};
    double[] logQ = RetrievalPredictions.logSoftmax(logits);
    assertEquals(0, logQ[3], 1e-12);
    double[] even = RetrievalPredictions.logSoftmax(new float[] {1000, 1000});
    assertEquals(-Math.log(2), even[0], 1e-12);
    assertEquals(Math.log(2), RetrievalScorer.entropy(even), 1e-12);
  }

  @Test
  void mismatchedPredictionsAreRefused() {
    RetrievalDataset data = new RetrievalDataset(3, new int[2][1], new int[][] {{0}}, new int[][] {{1}});
    assertThrows(IllegalArgumentException.class,
        () -> scorer.score(data, new RetrievalPredictions(new int[] {1}, new float[][][] {new float[1][3]})));
    assertThrows(IllegalArgumentException.class,
        () -> scorer.score(data.withoutAnswers(), new RetrievalPredictions(new int[] {1}, new float[][][] {new float[1][2]})));
  }

  private Map<String, Score> score(int keys, int[][] answers, float[][] logits) {
    RetrievalDataset data = new RetrievalDataset(1, new int[keys][1], new int[answers.length][1], answers);
    List<Score> scores = scorer.score(data, new RetrievalPredictions(new int[] {1}, new float[][][] {logits}));
    return scores.stream().collect(Collectors.toMap(Score::metric, Function.identity()));
  }

  private static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }
}
