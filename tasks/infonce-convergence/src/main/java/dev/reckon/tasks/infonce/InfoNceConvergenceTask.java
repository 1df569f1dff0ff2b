package dev.reckon.tasks.infonce;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a table trained on samples of a known joint converges to, as a retrieval task: a query is
 * one x (one token), the keys are the y values, an example's answer is the y drawn with it, and a
 * model's scores for a query are its table's row f(x, .). The levels are the joints, easiest first by
 * their mutual information; the scores compare the row's softmax with p(y|x) and with the
 * normalised PMI ratio ({@link ConditionalScorer}).
 */
final class InfoNceConvergenceTask implements Task {
  /** The reference solver's score for an impossible y: softmax gives it e^-10000 = 0. */
  static final float IMPOSSIBLE_SCORE = -1e4f;

  private final ConditionalScorer scorer = new ConditionalScorer();
  private final List<Level> levels;

  InfoNceConvergenceTask() {
    List<Level> levels = new ArrayList<>();
    for (Joint joint : Joint.values()) {
      levels.add(new Level(joint.id(), joint.mutualInformation(), joint.description()));
    }
    levels.sort(Comparator.comparingDouble(Level::difficulty));
    this.levels = List.copyOf(levels);
  }

  @Override
  public RetrievalFormat format() {
    return new RetrievalFormat(Tokens.keys(), Tokens.vocabulary());
  }

  @Override
  public List<Level> levels() {
    return levels;
  }

  @Override
  public List<Metric> metrics() {
    return scorer.metrics();
  }

  @Override
  public RetrievalDataset generate(Level level, int count, long seed) {
    requireNonNull(level, "level is null");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    Joint joint = joint(level(level.id()));
    int[][] pairs = ProportionalSample.draw(joint, count, seed);
    int[][] queries = new int[count][];
    int[][] answers = new int[count][];
    for (int example = 0; example < count; example++) {
      queries[example] = new int[] {Tokens.query(joint, pairs[example][0])};
      answers[example] = new int[] {pairs[example][1]};
    }
    return new RetrievalDataset(Tokens.vocabulary(), keyTokens(), queries, answers);
  }

  @Override
  public List<Score> score(Dataset answers, Predictions predictions) {
    if (!(answers instanceof RetrievalDataset retrieval)) {
      throw new IllegalArgumentException("infonce-convergence scores retrieval datasets, got " + answers);
    }
    if (!(predictions instanceof RetrievalPredictions scores)) {
      throw new IllegalArgumentException("infonce-convergence scores retrieval predictions, got " + predictions);
    }
    return scorer.score(retrieval, scores);
  }

  /** Scores every y by log p(y|x): the softmax is p(y|x) itself. */
  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return Optional.of(inputs -> {
      if (!(inputs instanceof RetrievalDataset retrieval)) {
        throw new IllegalArgumentException("infonce-convergence solves retrieval datasets, got " + inputs);
      }
      float[][] scores = new float[retrieval.size()][];
      for (int example = 0; example < scores.length; example++) {
        int token = retrieval.queries()[example][0];
        double[] conditional = Tokens.joint(token).conditional(Tokens.x(token));
        scores[example] = new float[conditional.length];
        for (int y = 0; y < conditional.length; y++) {
          scores[example][y] = conditional[y] > 0 ? (float) Math.log(conditional[y]) : IMPOSSIBLE_SCORE;
        }
      }
      return new RetrievalPredictions(new int[] {1}, new float[][][] {scores});
    });
  }

  private static Joint joint(Level level) {
    for (Joint joint : Joint.values()) {
      if (joint.id().equals(level.id())) {
        return joint;
      }
    }
    throw new IllegalArgumentException("no joint '" + level.id() + "'");
  }

  private static int[][] keyTokens() {
    int[][] keys = new int[Tokens.keys()][];
    for (int y = 0; y < keys.length; y++) {
      keys[y] = new int[] {Tokens.key(y)};
    }
    return keys;
  }
}
