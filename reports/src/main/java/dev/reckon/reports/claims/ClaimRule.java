package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.ResultSelection.matches;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A rule that decides a claim, or part of one, from a run's results: a record a {@code kind} of
 * seeds/claims.yaml (seeds/README.md describes each), each in a file of its own; those that read one
 * model's curve over iteration counts are {@link CurveRule}s. Rules read measurements averaged over
 * seeds, at each cell's full iteration budget unless they name iterations, and compare them outside
 * the noise ({@link Comparison}): two proportions over the same examples differ only when McNemar's
 * paired test says so, other numbers only when their 95% intervals do not overlap.
 * {@code task} and model ids may hold {@code *} wildcards; {@code metric} defaults to the task's
 * primary metric. {@code levels} holds level ids or the words {@code all}, {@code hardest}, and, for
 * rules about one model's cells, {@code training} and {@code harder} (every level harder than the
 * one trained on); {@code !pattern} leaves out the levels it matches.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MoreIterations.class, name = "more_iterations"),
    @JsonSubTypes.Type(value = DropAfterBest.class, name = "drop_after_best"),
    @JsonSubTypes.Type(value = AboveModel.class, name = "above_model"),
    @JsonSubTypes.Type(value = ShareKept.class, name = "share_kept"),
    @JsonSubTypes.Type(value = Threshold.class, name = "threshold"),
    @JsonSubTypes.Type(value = Separation.class, name = "separation"),
    @JsonSubTypes.Type(value = DimensionTrend.class, name = "dimension_trend"),
    @JsonSubTypes.Type(value = Ratio.class, name = "ratio"),
    @JsonSubTypes.Type(value = UpdatesToTarget.class, name = "updates_to_target"),
    @JsonSubTypes.Type(value = LowerTrainingPeak.class, name = "lower_training_peak"),
    @JsonSubTypes.Type(value = Collapses.class, name = "collapses"),
    @JsonSubTypes.Type(value = AtComputeBudget.class, name = "at_compute_budget"),
    @JsonSubTypes.Type(value = Probe.class, name = "probe"),
    @JsonSubTypes.Type(value = CheckedByTests.class, name = "checked_by_tests"),
    @JsonSubTypes.Type(value = NotRecorded.class, name = "not_recorded"),
    @JsonSubTypes.Type(value = DeclaredReferences.class, name = "declared_references")})
sealed interface ClaimRule permits CurveRule, AboveModel, ShareKept, Threshold, Separation, DimensionTrend, Ratio,
    UpdatesToTarget, LowerTrainingPeak, Collapses, AtComputeBudget, Probe, CheckedByTests, NotRecorded,
    DeclaredReferences {
  Outcome evaluate(MeasurementIndex index);

  /** What the rule speaks of; empty for a rule that reads no run's results or names no ids. */
  Optional<Subject> subject();

  /** Whether {@code run} has what the rule speaks of; empty for a rule that reads no run's results. */
  default Optional<Boolean> speaksOf(RunResults run) {
    return subject().map(subject -> subject.in(run));
  }

  /**
   * Whether the plugins {@code run} loaded offer what the rule speaks of, run or not: a claim a run
   * could not have measured with them is not named among those left out. True when the run does not
   * say what its plugins offered.
   */
  default boolean measurableWith(RunResults run) {
    return run.offered().isEmpty() || subject().map(subject -> subject.offeredIn(run.offered())).orElse(false);
  }

  /**
   * The tasks a rule reads (an id pattern) and the models it needs on them, each need a list of id
   * patterns any one of which will do. A report lists a claim for a run only when the run has every
   * subject of its rules: a run of other tasks or models cannot decide it and is not asked to.
   */
  record Subject(String task, List<List<String>> models) {
    @SafeVarargs
    static Optional<Subject> of(String task, List<String>... models) {
      return Optional.of(new Subject(task, List.of(models)));
    }

    /** Whether {@code run} has a cell or result of each needed model on a task the pattern matches. */
    boolean in(RunResults run) {
      return among(Stream.concat(run.cells().stream().map(c -> List.of(c.model(), c.task())),
          run.results().stream().map(r -> List.of(r.model(), r.task()))));
    }

    /** Whether {@code ids} hold a task the pattern matches and each needed model. */
    boolean offeredIn(Set<String> ids) {
      return ids.stream().anyMatch(id -> matches(task, id)) && models.stream()
          .allMatch(need -> need.stream().anyMatch(pattern -> ids.stream().anyMatch(id -> matches(pattern, id))));
    }

    /** Whether {@code run} has results of each needed model on a task the pattern matches. */
    boolean inResults(RunResults run) {
      return among(run.results().stream().map(r -> List.of(r.model(), r.task())));
    }

    /** Whether the (model, task) pairs hold each needed model on a task the pattern matches. */
    private boolean among(Stream<List<String>> modelTasks) {
      List<List<String>> pairs = modelTasks.filter(p -> matches(task, p.get(1))).distinct().toList();
      return !pairs.isEmpty() && models.stream().allMatch(need -> pairs.stream()
          .anyMatch(p -> need.stream().anyMatch(pattern -> matches(pattern, p.get(0)))));
    }
  }
}
