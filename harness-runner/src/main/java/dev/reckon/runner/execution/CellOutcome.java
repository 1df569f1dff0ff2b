package dev.reckon.runner.execution;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Score;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.OutcomeBits;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one cell produced: its scores on every evaluated level, its training curve, how it ended,
 * and whether its training collapsed on the way.
 *
 * @param trainSeconds the model's training time; for a seed trained in a group, its share (the
 *     group's time divided by its seeds)
 * @param seedGroup the seeds trained as one network with this cell's, itself included: 1 alone, 0
 *     when the cell trained nothing (it failed, was skipped, or its model does not learn)
 * @param examples which examples it trained and was evaluated on, and how each evaluated one fared
 */
public record CellOutcome(CellKey key, Status status, String reason, List<LevelScore> scores, List<CurvePoint> curve,
    OptionalInt trainedIterations, long parameters, double trainSeconds, double evalSeconds, long trainDataSeed,
    long modelSeed, Instant finishedAt, Optional<TrainingCollapse> collapse, Compute compute, int seedGroup,
    Examples examples) {
  public CellOutcome {
    requireNonNull(key, "key is null");
    requireNonNull(status, "status is null");
    reason = reason == null ? "" : reason;
    scores = List.copyOf(scores);
    curve = List.copyOf(curve);
    requireNonNull(collapse, "collapse is null");
    compute = compute == null ? Compute.NONE : compute;
    examples = examples == null ? Examples.NONE : examples;
  }

  /** How a cell ended. Done and skipped cells are finished: a resumed run does not redo them. */
  public enum Status {
    DONE(RunFormat.DONE), FAILED(RunFormat.FAILED), SKIPPED(RunFormat.SKIPPED);

    private final String word;

    Status(String word) {
      this.word = word;
    }

    /** The status as cells.csv writes it. */
    public String word() {
      return word;
    }

    /** The status cells.csv names by {@code word}. */
    public static Status of(String word) {
      for (Status status : values()) {
        if (status.word.equals(word)) {
          return status;
        }
      }
      throw new IllegalArgumentException("no cell status '" + word + "'");
    }

    public boolean finished() {
      return this != FAILED;
    }
  }

  /** A score on one evaluated level. */
  public record LevelScore(String level, double difficulty, Score score) {}

  /**
   * What the cell measured of its model's training compute (the compute leaderboard).
   *
   * @param trainingFlops the training FLOPs the model reported in all, if it reports them
   * @param budgets its scores when its training FLOPs reached each of the suite's compute budgets
   * @param probes the linear probe of its token embeddings at each budget
   * @param probe the linear probe after training, if the model and the task take part in it
   */
  public record Compute(OptionalDouble trainingFlops, List<BudgetScore> budgets, List<ProbeFit> probes,
      Optional<ProbeFit> probe) {
    public static final Compute NONE = new Compute(OptionalDouble.empty(), List.of(), List.of(), Optional.empty());

    public Compute {
      requireNonNull(trainingFlops, "trainingFlops is null");
      budgets = List.copyOf(budgets);
      probes = List.copyOf(probes);
      requireNonNull(probe, "probe is null");
    }
  }

  /**
   * Where in training an evaluation at a compute budget happened.
   *
   * @param budget the suite's budget, in training FLOPs
   * @param update the update after which the model's training FLOPs first reached it
   * @param trainingFlops the model's training FLOPs there
   */
  public record Budget(double budget, int update, double trainingFlops) {}

  /** A score on one level at a compute budget. */
  public record BudgetScore(Budget at, LevelScore score) {}

  /**
   * The linear probe's fit (research note 000): the cross-validated R^2 of the token embeddings
   * against what the tokens stand for, and the same with the targets shuffled among the tokens.
   *
   * @param at where in training, or null after training
   */
  public record ProbeFit(Budget at, double r2, double shuffledR2, int tokens) {}

  /**
   * The cell's data provenance and per-example outcomes.
   *
   * @param trainSha256 the sha256 of the training set it generated, empty when none or the dataset
   *     defines no canonical form
   * @param evalSha256 per evaluated level in order, the sha256 of its evaluation set, where defined
   * @param outcomes the task's per-example outcomes on every level, after training
   */
  public record Examples(String trainSha256, Map<String, String> evalSha256, List<LevelOutcomes> outcomes) {
    public static final Examples NONE = new Examples("", Map.of(), List.of());

    public Examples {
      requireNonNull(trainSha256, "trainSha256 is null");
      evalSha256 = Collections.unmodifiableMap(new LinkedHashMap<>(evalSha256));
      outcomes = List.copyOf(outcomes);
    }
  }

  /**
   * A task's per-example outcomes of one metric at one iteration count on a level, the examples
   * counted already encoded as outcomes.csv holds them ({@link OutcomeBits}): the cell's process
   * sends them as text.
   */
  public record LevelOutcomes(String level, String metric, int iterations, int n, String counted) {}

  /** One point of the training curve, with the wall time since training started. */
  public record CurvePoint(int update, String metric, double value, double wallSeconds) {}
}
