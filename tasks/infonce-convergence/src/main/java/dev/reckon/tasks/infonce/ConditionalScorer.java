package dev.reckon.tasks.infonce;

import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Score;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a model's table: each query's scores become a distribution {@code q(y|x)} by a softmax,
 * compared with the two tables the note asks about, each averaged over the queries (x as often as
 * p(x) makes it): {@code KL(p(y|x) || q)} and {@code KL(r || q)} with r the normalised PMI ratio.
 */
final class ConditionalScorer {
  static final String KL_CONDITIONAL = "kl_conditional";
  static final String KL_PMI = "kl_pmi";

  private static final List<Metric> METRICS = List.of(
      new Metric(KL_CONDITIONAL, Direction.LOWER_IS_BETTER, "nats",
          "KL(p(y|x) || q) from the joint's conditional to the softmax q of the scores over y, mean over the queries"),
      new Metric(KL_PMI, Direction.LOWER_IS_BETTER, "nats",
          "KL(r || q) from the normalised PMI ratio r(y|x) = (p(x,y) / p(x)p(y)) / sum over y, to the softmax q"));

  List<Metric> metrics() {
    return METRICS;
  }

  List<Score> score(RetrievalDataset dataset, RetrievalPredictions predictions) {
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < predictions.iterations().length; i++) {
      int iterations = predictions.iterations()[i];
      double[] conditional = new double[dataset.size()];
      double[] pmi = new double[dataset.size()];
      for (int example = 0; example < dataset.size(); example++) {
        int token = dataset.queries()[example][0];
        Joint joint = Tokens.joint(token);
        double[] logQ = RetrievalPredictions.logSoftmax(predictions.scores()[i][example]);
        conditional[example] = klDivergence(joint.conditional(Tokens.x(token)), logQ);
        pmi[example] = klDivergence(joint.pmiConditional(Tokens.x(token)), logQ);
      }
      scores.add(Score.mean(KL_CONDITIONAL, iterations, conditional));
      scores.add(Score.mean(KL_PMI, iterations, pmi));
    }
    return List.copyOf(scores);
  }

  /** {@code sum_y p_y (log p_y - log q_y)}; a y with {@code p_y = 0} adds nothing. */
  static double klDivergence(double[] p, double[] logQ) {
    double kl = 0;
    for (int y = 0; y < p.length; y++) {
      if (p[y] > 0) {
        kl += p[y] * (Math.log(p[y]) - logQ[y]);
      }
    }
    return kl;
  }
}
