package dev.reckon.runner.execution;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Score;
import dev.reckon.reports.RunFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one cell produced: its scores on every evaluated level, its training curve, how it ended,
 * and whether its training collapsed on the way.
 */
public record CellOutcome(CellKey key, Status status, String reason, List<LevelScore> scores, List<CurvePoint> curve,
    OptionalInt trainedIterations, long parameters, double trainSeconds, double evalSeconds, long trainDataSeed,
    long modelSeed, Instant finishedAt, Optional<TrainingCollapse> collapse) {
  public CellOutcome {
    requireNonNull(key, "key is null");
    requireNonNull(status, "status is null");
    reason = reason == null ? "" : reason;
    scores = List.copyOf(scores);
    curve = List.copyOf(curve);
    requireNonNull(collapse, "collapse is null");
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

  /** One point of the training curve, with the wall time since training started. */
  public record CurvePoint(int update, String metric, double value, double wallSeconds) {}
}
