package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores a model's logits over the keys against the answers. Each query's logits become a
 * distribution {@code q} over all keys by a softmax; the ground truth {@code p} puts {@code
 * 1/|answer|} on each positive key.
 */
public final class RetrievalScorer {
  public static final String KL_DIVERGENCE = "kl_divergence";
  public static final String TOP_K_OVERLAP = "top_k_overlap";
  public static final String ENTROPY = "entropy";
  public static final String ANSWER_ENTROPY = "answer_entropy";
  /** Suffix of the metrics restricted to queries with 10 to 20 positive keys. */
  public static final String MID_SIZED = "_10_20";
  public static final int MID_SIZED_MIN = 10;
  public static final int MID_SIZED_MAX = 20;

  private static final List<Metric> METRICS = List.of(
      new Metric(KL_DIVERGENCE, Direction.LOWER_IS_BETTER, "nats",
          "KL(p || q) from the ground truth (1/|answer| on each positive key) to the softmax of the scores"),
      new Metric(TOP_K_OVERLAP, Direction.HIGHER_IS_BETTER, Metric.FRACTION,
          "|top-K keys ∩ answer| / K with K = |answer|; equal scores ranked by key index"),
      new Metric(ENTROPY, Direction.LOWER_IS_BETTER, "nats",
          "entropy of the softmax of the scores; a perfect model shows log |answer| (answer_entropy)"),
      new Metric(KL_DIVERGENCE + MID_SIZED, Direction.LOWER_IS_BETTER, "nats",
          "kl_divergence over the queries with 10 to 20 positive keys"),
      new Metric(TOP_K_OVERLAP + MID_SIZED, Direction.HIGHER_IS_BETTER, Metric.FRACTION,
          "top_k_overlap over the queries with 10 to 20 positive keys"),
      new Metric(ENTROPY + MID_SIZED, Direction.LOWER_IS_BETTER, "nats",
          "entropy over the queries with 10 to 20 positive keys"),
      new Metric(ANSWER_ENTROPY, Direction.LOWER_IS_BETTER, "nats",
          "mean log |answer| of the queries: the entropy a perfect model shows, to read entropy against"));

  /** The metrics, the primary one (KL divergence) first. */
  public List<Metric> metrics() {
    return METRICS;
  }

  /**
   * One {@link Score} per metric per iteration count. The {@code _10_20} metrics are left out
   * when no query has 10 to 20 positive keys.
   */
  public List<Score> score(RetrievalDataset answers, RetrievalPredictions predictions) {
    requireNonNull(answers, "answers is null");
    requireNonNull(predictions, "predictions is null");
    if (!answers.hasAnswers()) {
      throw new IllegalArgumentException("the dataset has no answers to score against");
    }
    int size = answers.size();
    int[] midSized = IntStream.range(0, size)
        .filter(e -> answers.answers()[e].length >= MID_SIZED_MIN && answers.answers()[e].length <= MID_SIZED_MAX)
        .toArray();
    double[] answerEntropy = new double[size];
    for (int e = 0; e < size; e++) {
      if (answers.answers()[e].length == 0) {
        throw new IllegalArgumentException("example " + e + " has an empty answer");
      }
      answerEntropy[e] = Math.log(answers.answers()[e].length);
    }
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < predictions.iterations().length; i++) {
      int iterations = predictions.iterations()[i];
      float[][] logits = predictions.scores()[i];
      if (logits.length != size) {
        throw new IllegalArgumentException("predictions at " + iterations + " iterations cover "
            + logits.length + " queries, the dataset has " + size);
      }
      double[] kl = new double[size];
      double[] overlap = new double[size];
      double[] entropy = new double[size];
      for (int e = 0; e < size; e++) {
        if (logits[e].length != answers.keys()) {
          throw new IllegalArgumentException("predictions at " + iterations + " iterations score "
              + logits[e].length + " keys for example " + e + ", the dataset has " + answers.keys());
        }
        double[] logQ = RetrievalPredictions.logSoftmax(logits[e]);
        kl[e] = klDivergence(answers.answers()[e], logQ);
        overlap[e] = topKOverlap(answers.answers()[e], logits[e]);
        entropy[e] = entropy(logQ);
      }
      scores.add(Score.mean(KL_DIVERGENCE, iterations, kl));
      scores.add(Score.mean(TOP_K_OVERLAP, iterations, overlap));
      scores.add(Score.mean(ENTROPY, iterations, entropy));
      if (midSized.length > 0) {
        scores.add(Score.mean(KL_DIVERGENCE + MID_SIZED, iterations, select(kl, midSized)));
        scores.add(Score.mean(TOP_K_OVERLAP + MID_SIZED, iterations, select(overlap, midSized)));
        scores.add(Score.mean(ENTROPY + MID_SIZED, iterations, select(entropy, midSized)));
      }
      scores.add(Score.mean(ANSWER_ENTROPY, iterations, answerEntropy));
    }
    return List.copyOf(scores);
  }

  /** {@code KL(p || q) = sum_(i in answer) (1/K) (log(1/K) - log q_i) = -log K - mean log q_i}. */
  static double klDivergence(int[] answer, double[] logQ) {
    double sum = 0;
    for (int key : answer) {
      sum += logQ[key];
    }
    return -Math.log(answer.length) - sum / answer.length;
  }

  /** The share of the answer among the K = |answer| highest-scoring keys; ties go to the lower key index. */
  static double topKOverlap(int[] answer, float[] logits) {
    Integer[] keys = new Integer[logits.length];
    Arrays.setAll(keys, key -> key);
    Arrays.sort(keys, (a, b) -> {
      int byScore = Float.compare(logits[b], logits[a]);
      return byScore != 0 ? byScore : Integer.compare(a, b);
    });
    int hits = 0;
    for (int rank = 0; rank < answer.length; rank++) {
      if (Arrays.binarySearch(answer, keys[rank]) >= 0) {
        hits++;
      }
    }
    return (double) hits / answer.length;
  }

  /** {@code -sum q_i log q_i}; keys with {@code q_i = 0} add nothing. */
  static double entropy(double[] logQ) {
    double entropy = 0;
    for (double logq : logQ) {
      double q = Math.exp(logq);
      if (q > 0) {
        entropy -= q * logq;
      }
    }
    return entropy;
  }

  private static double[] select(double[] values, int[] indices) {
    double[] selected = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      selected[i] = values[indices[i]];
    }
    return selected;
  }
}
