package dev.reckon.reports;

import static dev.reckon.reports.ResultSelection.matches;
import static dev.reckon.reports.RuleSupport.above;
import static dev.reckon.reports.RuleSupport.better;
import static dev.reckon.reports.RuleSupport.lead;
import static dev.reckon.reports.RuleSupport.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.reckon.reports.ClaimVerdict.Finding;
import dev.reckon.reports.ClaimVerdict.LeftOut;
import dev.reckon.reports.ClaimVerdict.Outcome;
import dev.reckon.reports.ClaimVerdict.Status;
import dev.reckon.reports.ResultSelection.CellLevel;
import dev.reckon.reports.ResultSelection.ModelCell;
import dev.reckon.reports.ResultSelection.TaskLevel;
import dev.reckon.reports.RunResults.Cell;
import dev.reckon.reports.RunResults.TaskInfo;
import dev.reckon.reports.RunResults.TrainingPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A rule that decides a claim, or part of one, from a run's results; one record a {@code kind} of
 * seeds/claims.yaml (seeds/README.md describes each). Rules read measurements averaged over seeds,
 * at each cell's full iteration budget unless they name iterations, and compare them outside the
 * noise: two numbers differ only when their 95% intervals do not overlap (see {@link RuleSupport}).
 * {@code task} and model ids may hold {@code *} wildcards; {@code metric} defaults to the task's
 * primary metric. {@code levels} holds level ids or the words {@code all}, {@code hardest}, and, for
 * rules about one model's cells, {@code training} and {@code harder} (every level harder than the
 * one trained on); {@code !pattern} leaves out the levels it matches.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClaimRule.MoreIterations.class, name = "more_iterations"),
    @JsonSubTypes.Type(value = ClaimRule.DropAfterBest.class, name = "drop_after_best"),
    @JsonSubTypes.Type(value = ClaimRule.AboveModel.class, name = "above_model"),
    @JsonSubTypes.Type(value = ClaimRule.ShareKept.class, name = "share_kept"),
    @JsonSubTypes.Type(value = ClaimRule.Threshold.class, name = "threshold"),
    @JsonSubTypes.Type(value = ClaimRule.Separation.class, name = "separation"),
    @JsonSubTypes.Type(value = ClaimRule.DimensionTrend.class, name = "dimension_trend"),
    @JsonSubTypes.Type(value = ClaimRule.Ratio.class, name = "ratio"),
    @JsonSubTypes.Type(value = ClaimRule.TimeToTarget.class, name = "time_to_target"),
    @JsonSubTypes.Type(value = ClaimRule.LowerTrainingPeak.class, name = "lower_training_peak"),
    @JsonSubTypes.Type(value = ClaimRule.Collapses.class, name = "collapses"),
    @JsonSubTypes.Type(value = ClaimRule.AtComputeBudget.class, name = "at_compute_budget"),
    @JsonSubTypes.Type(value = ClaimRule.Probe.class, name = "probe"),
    @JsonSubTypes.Type(value = ClaimRule.CheckedByTests.class, name = "checked_by_tests"),
    @JsonSubTypes.Type(value = ClaimRule.NotRecorded.class, name = "not_recorded")})
sealed interface ClaimRule {
  Outcome evaluate(MeasurementIndex index);

  /** What the rule speaks of; empty for a rule that reads no run's results. */
  Optional<Subject> subject();

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

  /**
   * The chance check of a trend or separation: a level where none of the models the rule reads is
   * better than {@code model} (e.g. {@code uniform}) outside the noise, in {@code metric} (default:
   * the rule's), is at chance and decides nothing; when every selected level is, the rule is "not
   * measured: models at chance". A level the chance model was not evaluated on is not checked.
   */
  record Chance(String model, String metric) {
    public Chance {
      required("model", model);
    }

    String metric(String ruleMetric) {
      return metric == null || metric.equals("primary") ? ruleMetric : metric;
    }
  }

  /**
   * A rule about one model's curve over iteration counts on each selected level: {@link #curve} reads
   * it (empty when the level cannot decide), a curve with no count better than the {@code chance}
   * model outside the noise is at chance and decides nothing, and {@link #judge} decides the others.
   */
  sealed interface CurveRule extends ClaimRule {
    String model();

    String task();

    List<String> levels();

    String metric();

    Chance chance();

    /** The measurements the rule reads on a level, ascending by count; empty when they cannot decide. */
    List<Measurement> curve(MeasurementIndex index, CellLevel s);

    Finding judge(MeasurementIndex index, CellLevel s, List<Measurement> curve);

    /** Why a curve above chance still decides nothing under the rule's own terms; empty when it decides. */
    default Optional<LeftOut> undecided(MeasurementIndex index, CellLevel s, List<Measurement> curve) {
      return Optional.empty();
    }

    /** What the rule looks for beyond the model, task and levels, e.g. {@code , iterations T, 4T}. */
    String sought();

    @Override
    default Optional<Subject> subject() {
      return Subject.of(task(), List.of(model()));
    }

    @Override
    default Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      List<LeftOut> leftOut = new ArrayList<>();
      for (CellLevel s : RuleSupport.cellLevels(index, task(), List.of(model()), levels(), metric())) {
        List<Measurement> curve = curve(index, s);
        if (curve.isEmpty()) {
          continue;
        }
        Optional<LeftOut> left = RuleSupport.atChance(index, chance(), s.task(), s.level(), s.metric(), curve)
            .map(atChance -> new LeftOut(atChance.reason(), atChance.numbers() + " at every count"))
            .or(() -> undecided(index, s, curve));
        if (left.isPresent()) {
          leftOut.add(left.get());
        } else {
          findings.add(judge(index, s, curve));
        }
      }
      return Outcome.of(findings, leftOut, model() + " on " + task() + levelWords(levels()) + sought());
    }
  }

  /**
   * Test-time compute as a trend: on every selected level, at the iteration counts {@code steps}
   * (ascending; counts, {@code T}-multiples, {@code budget}, {@code best}, or {@code all} for every
   * count the cell was evaluated at), no later count is worse than an earlier one outside the noise
   * and, with {@code rise} (the default), the last is better than the first outside the noise; steps
   * that name one count (e.g. {@code [T, best]} where the best is at T) then fail, as nothing rose.
   */
  record MoreIterations(String model, String task, List<String> levels, String metric, List<String> steps,
      Boolean rise, Chance chance) implements CurveRule {
    public MoreIterations {
      required("model, task, levels, steps", model, task, levels, steps);
      rise = rise == null || rise;
    }

    /** The measurements at {@code steps}, each count once, ascending; empty when one is missing. */
    @Override
    public List<Measurement> curve(MeasurementIndex index, CellLevel s) {
      Map<Integer, Measurement> byCount = new TreeMap<>();
      for (String step : steps) {
        if (step.equals("all")) {
          RuleSupport.everyCount(index, s).forEach(m -> byCount.put(m.iterations(), m));
        } else {
          Optional<Measurement> m = RuleSupport.at(index, s, step);
          if (m.isEmpty()) {
            return List.of();
          }
          byCount.put(m.get().iterations(), m.get());
        }
      }
      // one count cannot fall, so only a rise can be asked of it
      return byCount.size() == 1 && !rise ? List.of() : List.copyOf(byCount.values());
    }

    @Override
    public Finding judge(MeasurementIndex index, CellLevel s, List<Measurement> sequence) {
      List<String> falls = RuleSupport.pairs(sequence, (a, b) -> better(index, a, b)).stream()
          .map(p -> p.get(0).iterations() + " to " + p.get(1).iterations()).toList();
      Measurement first = sequence.get(0);
      Measurement last = sequence.get(sequence.size() - 1);
      boolean rose = better(index, last, first);
      List<String> problems = new ArrayList<>();
      if (!falls.isEmpty()) {
        problems.add("falls outside the noise from " + String.join(", ", falls) + " iterations");
      }
      if (rise && !rose) {
        problems.add(sequence.size() == 1 ? String.join(" and ", steps) + " are one count: nothing rose"
            : "the last count is not better than the first outside the noise");
      }
      return new Finding(problems.isEmpty(), lead(index, last, first), String.format(Locale.ROOT,
          "%s on %s %s, %s at %s%s", s.model(), s.task(), s.level(), s.metric(), sequence.stream()
              .map(m -> RuleSupport.iterations(index, m) + ": " + text(m)).collect(Collectors.joining(", ")),
          problems.isEmpty() ? (rise ? "; rises outside the noise" : "; never falls outside the noise")
              : "; " + String.join("; ", problems)));
    }

    @Override
    public String sought() {
      return ", iterations " + String.join(", ", steps);
    }
  }

  /**
   * Overthinking, or its absence, read from one cell's curve: on every selected level evaluated at two
   * counts or more, the drop from the count where the cell does best (the fewest on a tie) to its
   * largest count, outside the noise (the best's worse interval end less the largest's better end),
   * is at most {@code at_most} (accuracy kept) or, given {@code at_least} instead, at least that and
   * above 0 (the model overthinks). A level where no count is better than the {@code chance} model
   * outside the noise decides nothing, nor one whose best is below {@code best_at_least}: accuracy
   * kept on a level the model hardly solves says little of overthinking.
   */
  record DropAfterBest(String model, String task, List<String> levels, String metric,
      @JsonProperty("at_most") Double atMost, @JsonProperty("at_least") Double atLeast,
      @JsonProperty("best_at_least") Double bestAtLeast, Chance chance) implements CurveRule {
    /** The reason of a level left out for a best below {@code best_at_least}. */
    static final String LITTLE_TO_KEEP = "best too low to judge";

    public DropAfterBest {
      required("model, task, levels", model, task, levels);
      if ((atMost == null) == (atLeast == null)) {
        throw new IllegalArgumentException("drop_after_best takes one bound: at_most (accuracy kept) or at_least "
            + "(the model overthinks)");
      }
      if ((atMost == null ? atLeast : atMost) < 0) {
        throw new IllegalArgumentException("the bound of drop_after_best is a drop, at least 0");
      }
    }

    /** Every count the cell was evaluated at; empty with fewer than two, where nothing can drop. */
    @Override
    public List<Measurement> curve(MeasurementIndex index, CellLevel s) {
      List<Measurement> curve = RuleSupport.everyCount(index, s);
      return curve.size() < 2 ? List.of() : curve;
    }

    @Override
    public Optional<LeftOut> undecided(MeasurementIndex index, CellLevel s, List<Measurement> curve) {
      Measurement best = RuleSupport.at(index, s, "best").orElseThrow();
      return bestAtLeast == null || best.value() >= bestAtLeast ? Optional.empty()
          : Optional.of(new LeftOut(LITTLE_TO_KEEP, String.format(Locale.ROOT, "%s on %s %s: %s best %s at %s, below %s",
              s.model(), s.task(), s.level(), s.metric(), text(best), RuleSupport.iterations(index, best),
              Numbers.text(bestAtLeast))));
    }

    @Override
    public Finding judge(MeasurementIndex index, CellLevel s, List<Measurement> curve) {
      Measurement best = RuleSupport.at(index, s, "best").orElseThrow();
      Measurement last = curve.get(curve.size() - 1);
      double drop = RuleSupport.leadOutsideNoise(index, best, last);
      boolean holds = atMost != null ? drop <= atMost : drop >= atLeast && drop > 0;
      String fall = best.iterations() == last.iterations()
          ? "best at its largest count " + RuleSupport.iterations(index, last) + ": " + text(last)
          : String.format(Locale.ROOT, "best at %s: %s, at its largest count %s: %s; %s",
              RuleSupport.iterations(index, best), text(best), RuleSupport.iterations(index, last), text(last),
              drop > 0 ? "drops " + Numbers.text(drop) + " beyond the noise" : "no drop beyond the noise");
      return new Finding(holds, atMost != null ? atMost - drop : drop - atLeast, String.format(Locale.ROOT,
          "%s on %s %s, %s %s (needs a drop beyond the noise %s)", s.model(), s.task(), s.level(), s.metric(), fall,
          RuleSupport.bounds(atLeast, atMost)));
    }

    @Override
    public String sought() {
      return ", from its best count to its largest";
    }
  }

  /** What a comparison of two models must show on a level: better outside the noise, or not worse outside it. */
  enum Require {
    @JsonProperty("better") BETTER,
    @JsonProperty("not_worse") NOT_WORSE
  }

  /**
   * One model against another on the same levels: on every selected level the model is better than
   * {@code against} outside the noise (and by at least {@code by}), or with {@code on_every:
   * not_worse}, not worse outside the noise; {@code on_some: better} also asks for a level where it is
   * better outside the noise. {@code at} names the iterations of the model (default {@code budget});
   * {@code against_at} those of the other (default {@code budget}); {@code at: common} compares both
   * at the largest count both were evaluated at, and {@code best} takes each model's best count.
   */
  record AboveModel(String model, String against, String task, List<String> levels, String metric, String at,
      @JsonProperty("against_at") String againstAt, @JsonProperty("on_every") Require onEvery,
      @JsonProperty("on_some") Require onSome, Double by, Chance chance) implements ClaimRule {
    public AboveModel {
      required("model, against, task, levels", model, against, task, levels);
      at = at == null ? "budget" : at;
      againstAt = againstAt == null ? (at.equals("common") || at.equals("best") ? at : "budget") : againstAt;
      onEvery = onEvery == null ? Require.BETTER : onEvery;
      by = by == null ? 0.0 : by;
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, List.of(model), List.of(against));
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      List<LeftOut> leftOut = new ArrayList<>();
      boolean anyBetter = false;
      for (CellLevel s : RuleSupport.cellLevels(index, task, List.of(model), levels, metric)) {
        Optional<CellLevel> other = counterpart(index, s);
        if (other.isEmpty()) {
          continue;
        }
        Optional<Measurement[]> pair = pair(index, s, other.get());
        if (pair.isEmpty()) {
          continue;
        }
        Measurement mine = pair.get()[0];
        Measurement theirs = pair.get()[1];
        Optional<LeftOut> chanceLevel = RuleSupport.atChance(index, chance, s.task(), s.level(), s.metric(),
            List.of(mine, theirs));
        if (chanceLevel.isPresent()) {
          leftOut.add(chanceLevel.get());
          continue;
        }
        double lead = lead(index, mine, theirs);
        boolean isBetter = better(index, mine, theirs) && lead >= by;
        boolean isWorse = better(index, theirs, mine);
        anyBetter |= isBetter;
        boolean holds = onEvery == Require.BETTER ? isBetter : !isWorse;
        String verdict = isBetter ? "better outside the noise" : isWorse ? "worse outside the noise"
            : "within the noise";
        findings.add(new Finding(holds, lead - by, String.format(Locale.ROOT,
            "%s %s vs %s %s on %s %s (%s, %s): %s%s", mine.model(), text(mine), theirs.model(), text(theirs),
            s.task(), s.level(), s.metric(), counts(index, mine, theirs), verdict,
            onEvery == Require.BETTER && by > 0 ? " (needs a lead of at least " + Numbers.text(by) + ")" : "")));
      }
      if (onSome == Require.BETTER && !findings.isEmpty() && !anyBetter) {
        findings.add(new Finding(false, 0, model + " is better than " + against + " outside the noise on none of "
            + "the levels"));
      }
      return Outcome.of(findings, leftOut, model + " and " + against + " on " + task + levelWords(levels));
    }

    /** The other model's cell on the same level: trained on the same level when it has that cell. */
    private Optional<CellLevel> counterpart(MeasurementIndex index, CellLevel s) {
      String trainLevel = index.budget(against, s.task(), s.cell().trainLevel()) > 0 ? s.cell().trainLevel()
          : index.atBudget(against, s.task(), s.level(), s.metric()).map(Measurement::trainLevel).orElse(null);
      return trainLevel == null ? Optional.empty()
          : Optional.of(new CellLevel(new ModelCell(against, s.task(), trainLevel), s.level(), s.metric()));
    }

    private Optional<Measurement[]> pair(MeasurementIndex index, CellLevel mine, CellLevel other) {
      if (at.equals("common")) {
        Map<Integer, Measurement> theirs = new LinkedHashMap<>();
        RuleSupport.everyCount(index, other).forEach(m -> theirs.put(m.iterations(), m));
        List<Measurement> shared = RuleSupport.everyCount(index, mine).stream()
            .filter(m -> theirs.containsKey(m.iterations())).toList();
        return shared.isEmpty() ? Optional.empty() : Optional.of(new Measurement[] {shared.get(shared.size() - 1),
            theirs.get(shared.get(shared.size() - 1).iterations())});
      }
      Optional<Measurement> a = RuleSupport.at(index, mine, at);
      Optional<Measurement> b = RuleSupport.at(index, other, againstAt);
      return a.isPresent() && b.isPresent() ? Optional.of(new Measurement[] {a.get(), b.get()}) : Optional.empty();
    }

    private static String counts(MeasurementIndex index, Measurement mine, Measurement theirs) {
      if (mine.iterations() == theirs.iterations()) {
        String a = RuleSupport.iterations(index, mine);
        String b = RuleSupport.iterations(index, theirs);
        return "both at " + mine.iterations() + " iterations" + (a.contains("T") || b.contains("T")
            ? " (" + mine.model() + " " + a.replaceFirst(" = \\d+$", "") + ", " + theirs.model() + " "
                + b.replaceFirst(" = \\d+$", "") + ")" : "");
      }
      return mine.model() + " at " + RuleSupport.iterations(index, mine) + ", " + theirs.model() + " at "
          + RuleSupport.iterations(index, theirs) + " iterations";
    }
  }

  /**
   * Generalisation as a share: on every selected level (typically {@code harder}) the model at
   * iterations {@code at} keeps at least {@code at_least} of what it scores on its training level at
   * the same iterations (a metric where higher is better; a cell that scores 0 on its training level
   * has nothing to keep and decides nothing).
   */
  record ShareKept(String model, String task, List<String> levels, String metric, String at,
      @JsonProperty("at_least") Double atLeast) implements ClaimRule {
    public ShareKept {
      required("model, task, levels, at_least", model, task, levels, atLeast);
      at = at == null ? "budget" : at;
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, List.of(model));
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (CellLevel s : RuleSupport.cellLevels(index, task, List.of(model), levels, metric)) {
        CellLevel training = new CellLevel(s.cell(), s.cell().trainLevel(), s.metric());
        Optional<Measurement> here = RuleSupport.at(index, s, at);
        Optional<Measurement> there = RuleSupport.at(index, training, at);
        if (here.isEmpty() || there.isEmpty() || there.get().value() <= 0 || s.level().equals(training.level())) {
          continue;
        }
        double share = here.get().value() / there.get().value();
        findings.add(new Finding(share >= atLeast, share - atLeast, String.format(Locale.ROOT,
            "%s on %s %s at %s: %s %s against %s on its training level %s, a share of %s (needs >= %s)", s.model(),
            s.task(), s.level(), RuleSupport.iterations(index, here.get()), s.metric(), text(here.get()),
            text(there.get()), training.level(), Numbers.text(share), Numbers.text(atLeast))));
      }
      return Outcome.of(findings, model + " on " + task + levelWords(levels) + " and its training level at " + at);
    }
  }

  /**
   * Every selected model is at least {@code atLeast} and at most {@code atMost} on every selected
   * level, at its full budget, up to {@value #ROUNDING} of floating-point rounding. A bound reads the
   * value (the interval is shown): the bounds are the project's margins, not a comparison of two
   * noisy numbers.
   */
  record Threshold(List<String> models, String task, List<String> levels, String metric,
      @JsonProperty("at_least") Double atLeast, @JsonProperty("at_most") Double atMost) implements ClaimRule {
    /** How far a value may miss a bound by floating-point rounding alone (a mean of ones, a KL of 1e-16). */
    static final double ROUNDING = 1e-9;

    public Threshold {
      required("models, task, levels", models, task, levels);
      if (atLeast == null && atMost == null) {
        throw new IllegalArgumentException("a threshold needs at_least or at_most");
      }
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, models);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (CellLevel s : RuleSupport.cellLevels(index, task, models, levels, metric)) {
        Measurement m = s.atBudget(index);
        double value = m.value();
        double margin = Math.min(atLeast == null ? Double.MAX_VALUE : value - atLeast,
            atMost == null ? Double.MAX_VALUE : atMost - value);
        findings.add(new Finding(margin >= -ROUNDING, margin, String.format(Locale.ROOT,
            "%s on %s %s at %d iterations: %s %s (needs %s)", s.model(), s.task(), s.level(), m.iterations(),
            s.metric(), text(m), RuleSupport.bounds(atLeast, atMost))));
      }
      return Outcome.of(findings, String.join(", ", models) + " on " + task + levelWords(levels));
    }
  }

  /**
   * On every selected level, every model of {@code worse} is worse than every model of {@code better}
   * outside the noise; a level where no model is above {@code chance} decides nothing.
   */
  record Separation(String task, List<String> levels, String metric, ModelGroup worse, ModelGroup better,
      Chance chance) implements ClaimRule {
    public Separation {
      required("task, levels, worse, better", task, levels, worse, better);
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, worse.models(), better.models());
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      List<LeftOut> leftOut = new ArrayList<>();
      for (TaskLevel s : RuleSupport.taskLevels(index, task, levels, metric)) {
        List<Measurement> low = worse.measurements(index, s);
        List<Measurement> high = better.measurements(index, s);
        if (low.isEmpty() || high.isEmpty()) {
          continue;
        }
        Optional<LeftOut> chanceLevel = RuleSupport.atChance(index, chance, s.task(), s.level(), s.metric(),
            Stream.concat(low.stream(), high.stream()).toList());
        if (chanceLevel.isPresent()) {
          leftOut.add(chanceLevel.get());
          continue;
        }
        Comparator<Measurement> byMerit = Comparator.comparingDouble(m -> lead(index, m, high.get(0)));
        Measurement bestOfWorse = low.stream().max(byMerit).orElseThrow();
        Measurement worstOfBetter = high.stream().min(byMerit).orElseThrow();
        List<String> apart = new ArrayList<>();
        for (Measurement w : low) {
          for (Measurement b : high) {
            if (!ClaimRule.betterOf(index, b, w)) {
              apart.add(w.model() + " vs " + b.model());
            }
          }
        }
        findings.add(new Finding(apart.isEmpty(), lead(index, worstOfBetter, bestOfWorse), String.format(Locale.ROOT,
            "%s %s, %s: best of %s %s (%s), worst of %s %s (%s)%s", s.task(), s.level(), s.metric(), worse.describe(),
            text(bestOfWorse), bestOfWorse.model(), better.describe(), text(worstOfBetter), worstOfBetter.model(),
            apart.isEmpty() ? "; apart outside the noise" : "; not apart outside the noise: " + String.join(", ",
                apart))));
      }
      return Outcome.of(findings, leftOut, worse.describe() + " and " + better.describe() + " on " + task
          + levelWords(levels));
    }
  }

  /**
   * Across the selected models ordered by representation dimension d (at least {@code
   * min_dimensions} of them, default 3), the metric falls (or rises) as d rises: the smallest and the
   * largest d differ that way outside the noise, and no two dimensions go the other way outside the
   * noise (within the noise, a step may go either way). A level where no model is above {@code
   * chance} decides nothing.
   */
  record DimensionTrend(List<String> models, String task, List<String> levels, String metric, Trend trend,
      Chance chance, @JsonProperty("min_dimensions") Integer minDimensions) implements ClaimRule {
    public DimensionTrend {
      required("models, task, levels, trend", models, task, levels, trend);
      minDimensions = minDimensions == null ? 3 : minDimensions;
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, models);
    }

    /** Which way the metric goes as d rises. */
    enum Trend {
      @JsonProperty("falls") FALLS,
      @JsonProperty("rises") RISES
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      ModelGroup group = new ModelGroup(models, null, null);
      List<Finding> findings = new ArrayList<>();
      List<LeftOut> leftOut = new ArrayList<>();
      for (TaskLevel s : RuleSupport.taskLevels(index, task, levels, metric)) {
        Map<Integer, Measurement> byDimension = new TreeMap<>();
        group.measurements(index, s)
            .forEach(m -> MeasurementIndex.dimension(m.model()).ifPresent(d -> byDimension.put(d, m)));
        if (byDimension.size() < minDimensions) {
          continue;
        }
        List<Measurement> ordered = List.copyOf(byDimension.values());
        Optional<LeftOut> chanceLevel = RuleSupport.atChance(index, chance, s.task(), s.level(), s.metric(), ordered);
        if (chanceLevel.isPresent()) {
          leftOut.add(chanceLevel.get());
          continue;
        }
        // (a, b): b, at the larger d, went the stated (or the other) way from a, outside the noise
        BiFunction<Measurement, Measurement, Boolean> statedWay =
            (a, b) -> trend == Trend.FALLS ? above(a, b) : above(b, a);
        BiFunction<Measurement, Measurement, Boolean> otherWay =
            (a, b) -> trend == Trend.FALLS ? above(b, a) : above(a, b);
        List<String> against = RuleSupport.pairs(ordered, otherWay).stream()
            .map(p -> "d = " + dimension(p.get(0)) + " to " + dimension(p.get(1))).toList();
        Measurement smallest = ordered.get(0);
        Measurement largest = ordered.get(ordered.size() - 1);
        boolean ends = statedWay.apply(smallest, largest);
        double change = (largest.value() - smallest.value()) * (trend == Trend.FALLS ? -1 : 1);
        List<String> problems = new ArrayList<>();
        if (!against.isEmpty()) {
          problems.add("goes the wrong way outside the noise from " + String.join(", ", against));
        }
        if (!ends) {
          problems.add("d = " + dimension(smallest) + " and d = " + dimension(largest) + " are not apart the stated "
              + "way outside the noise");
        }
        findings.add(new Finding(problems.isEmpty(), change, String.format(Locale.ROOT,
            "%s %s, %s by d: %s; %s", s.task(), s.level(), s.metric(), byDimension.entrySet().stream()
                .map(e -> e.getKey() + ": " + text(e.getValue())).collect(Collectors.joining(", ")),
            problems.isEmpty() ? (trend == Trend.FALLS ? "falls" : "rises") + " as d rises, outside the noise"
                : String.join("; ", problems))));
      }
      return Outcome.of(findings, leftOut, String.join(", ", models) + " (at least " + minDimensions
          + " dimensions) on " + task + levelWords(levels));
    }

    private static int dimension(Measurement m) {
      return MeasurementIndex.dimension(m.model()).orElseThrow();
    }
  }

  /**
   * One group's numbers are at least {@code at_least} times another's, outside the noise: on every
   * selected level, for every model of {@code larger} (in its metric) and every model of {@code
   * smaller} (in its, which may be another metric of the same model), the lower end of the larger's 95%
   * interval is at least {@code at_least} times the upper end of the smaller's. With {@code at_least:
   * 1} that is the noise rule itself: larger, and the intervals apart.
   */
  record Ratio(String task, List<String> levels, Side larger, Side smaller, @JsonProperty("at_least") Double atLeast)
      implements ClaimRule {
    public Ratio {
      required("task, levels, larger, smaller, at_least", task, levels, larger, smaller, atLeast);
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, larger.models(), smaller.models());
    }

    /** Models by id pattern and the metric read from them (default: the task's primary metric). */
    record Side(List<String> models, String metric) {
      public Side {
        required("models", models);
      }

      List<Measurement> measurements(MeasurementIndex index, TaskLevel at) {
        String read = metric == null ? index.primaryMetric(at.task()).orElseThrow() : metric;
        return new ModelGroup(models, null, null).measurements(index, new TaskLevel(at.task(), at.level(), read));
      }
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (TaskLevel s : RuleSupport.taskLevels(index, task, levels, larger.metric())) {
        for (Measurement big : larger.measurements(index, s)) {
          for (Measurement small : smaller.measurements(index, s)) {
            double apart = big.ciLow() / small.ciHigh();
            findings.add(new Finding(apart >= atLeast, apart - atLeast, String.format(Locale.ROOT,
                "%s %s: %s %s %s over %s %s %s is %s times, at least %s outside the noise (needs %s)", s.task(),
                s.level(), big.model(), big.metric(), text(big), small.model(), small.metric(), text(small),
                Numbers.text(big.value() / small.value()), Numbers.text(apart), Numbers.text(atLeast))));
          }
        }
      }
      return Outcome.of(findings, "{" + String.join(", ", larger.models()) + "} over {"
          + String.join(", ", smaller.models()) + "} on " + task + levelWords(levels));
    }
  }

  /**
   * In every pair of finished cells of both models trained alike (task, level, seed), the model's
   * training curve of {@code train_<primary metric>} reaches {@code target} in less wall time than
   * that of {@code against}; a model whose curve never reaches it counts as slower.
   */
  record TimeToTarget(String model, String against, String task, double target) implements ClaimRule {
    public TimeToTarget {
      required("model, against, task", model, against, task);
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, List.of(model), List.of(against));
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (Cell[] pair : trainedPairs(index, model, against, task)) {
        String metric = trainingMetric(index, pair[0]);
        double mine = secondsTo(index, pair[0], metric);
        double other = secondsTo(index, pair[1], metric);
        double margin = Math.min(other, Double.MAX_VALUE) - Math.min(mine, Double.MAX_VALUE);
        findings.add(new Finding(mine < other, margin, String.format(Locale.ROOT,
            "%s %s seed %d: %s reached %s: %s, %s", pair[0].task(), pair[0].trainLevel(), pair[0].seed(), metric,
            Numbers.text(target), when(model, mine), when(against, other))));
      }
      return Outcome.of(findings, "finished training cells of " + model + " and " + against + " on " + task);
    }

    private double secondsTo(MeasurementIndex index, Cell cell, String metric) {
      return curve(index, cell, metric).filter(p -> p.value() >= target).mapToDouble(TrainingPoint::wallSeconds)
          .findFirst().orElse(Double.POSITIVE_INFINITY);
    }

    /** E.g. {@code rrn after 28.1 s}, or {@code learned-adjacency never} for a curve that never got there. */
    private static String when(String model, double seconds) {
      return model + (Double.isInfinite(seconds) ? " never" : " after " + Numbers.text(seconds) + " s");
    }
  }

  /**
   * In every pair of finished cells of both models trained alike (task, level, seed), the largest
   * value of the training curve {@code metric} (e.g. {@code update_memory_mb}) is smaller for the
   * model than for {@code against}.
   */
  record LowerTrainingPeak(String model, String against, String task, String metric) implements ClaimRule {
    public LowerTrainingPeak {
      required("model, against, task, metric", model, against, task, metric);
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, List.of(model), List.of(against));
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (Cell[] pair : trainedPairs(index, model, against, task)) {
        OptionalDouble mine = curve(index, pair[0], metric).mapToDouble(TrainingPoint::value).max();
        OptionalDouble other = curve(index, pair[1], metric).mapToDouble(TrainingPoint::value).max();
        if (mine.isPresent() && other.isPresent()) {
          findings.add(new Finding(mine.getAsDouble() < other.getAsDouble(), other.getAsDouble() - mine.getAsDouble(),
              String.format(Locale.ROOT, "%s %s seed %d: largest %s %s %s, %s %s (ratio %s)", pair[0].task(),
                  pair[0].trainLevel(), pair[0].seed(), metric, model, Numbers.text(mine.getAsDouble()), against,
                  Numbers.text(other.getAsDouble()), Numbers.text(mine.getAsDouble() / other.getAsDouble()))));
        }
      }
      return Outcome.of(findings, "training curves of " + metric + " of " + model + " and " + against + " on "
          + task);
    }
  }

  /**
   * A training collapse read from the curve itself (training.csv): in every finished cell of the
   * model on {@code task} that trained at least {@code min_updates} updates, the curve {@code metric}
   * (default {@code train_<primary metric>}) first reaches {@code from_at_least}, later falls to at
   * most {@code to_at_most} (near zero) and stays there to the end of training, for at least {@code
   * for_points} points (default 3). Shorter cells do not count, so a run without a long enough one
   * leaves the claim not measured. The harness's own detection (cells.csv) is quoted beside it.
   */
  record Collapses(String model, String task, String metric, @JsonProperty("min_updates") int minUpdates,
      @JsonProperty("from_at_least") Double fromAtLeast, @JsonProperty("to_at_most") Double toAtMost,
      @JsonProperty("for_points") Integer forPoints) implements ClaimRule {
    public Collapses {
      required("model, task, from_at_least, to_at_most", model, task, fromAtLeast, toAtMost);
      forPoints = forPoints == null ? 3 : forPoints;
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, List.of(model));
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (Cell cell : index.run().cells()) {
        if (!cell.model().equals(model) || !cell.status().equals(RunFormat.DONE) || !matches(task, cell.task())) {
          continue;
        }
        long updates = points(index, cell).mapToLong(TrainingPoint::update).max().orElse(0);
        if (updates < minUpdates) {
          continue;
        }
        String curveMetric = metric == null ? trainingMetric(index, cell) : metric;
        List<TrainingPoint> curve = curve(index, cell, curveMetric).sorted(Comparator.comparingLong(
            TrainingPoint::update)).toList();
        int peak = -1;
        for (int i = 0; i < curve.size() && peak < 0; i++) {
          if (curve.get(i).value() >= fromAtLeast) {
            peak = i;
          }
        }
        // the tail of the curve at or below toAtMost: where the fall that stayed began
        int tail = curve.size();
        while (tail > 0 && curve.get(tail - 1).value() <= toAtMost) {
          tail--;
        }
        boolean collapsed = peak >= 0 && tail > peak && curve.size() - tail >= forPoints;
        double best = curve.stream().mapToDouble(TrainingPoint::value).max().orElse(Double.NaN);
        String fall = peak < 0 ? "never reached " + Numbers.text(fromAtLeast)
            : tail == curve.size() ? "ends at " + Numbers.text(curve.get(curve.size() - 1).value())
            : curve.size() - tail < forPoints ? "at most " + Numbers.text(toAtMost) + " only for its last "
                + (curve.size() - tail) + " points"
            : "fell to " + Numbers.text(curve.get(tail).value()) + " at update " + curve.get(tail).update()
                + " and stayed at most " + Numbers.text(toAtMost) + " for its last " + (curve.size() - tail)
                + " points";
        findings.add(new Finding(collapsed, collapsed ? 1 : -1, String.format(Locale.ROOT,
            "%s on %s %s seed %d, %d updates: %s peaked at %s, %s%s", model, cell.task(), cell.trainLevel(),
            cell.seed(), updates, curveMetric, Numbers.text(best), fall, cell.collapseUpdate() > 0
                ? " (the harness saw a collapse at update " + cell.collapseUpdate() + ": " + cell.collapse() + ")"
                : "")));
      }
      return Outcome.of(findings, model + " on " + task + " trained at least " + minUpdates + " updates");
    }
  }

  /** The training curve of the primary metric of a cell's task, e.g. {@code train_puzzle_accuracy}. */
  private static String trainingMetric(MeasurementIndex index, Cell cell) {
    return Optional.ofNullable(index.run().tasks().get(cell.task())).map(TaskInfo::trainingMetric).orElse("");
  }

  /** Better outside the noise; a name the records can call without shadowing by their own {@code better}. */
  private static boolean betterOf(MeasurementIndex index, Measurement a, Measurement b) {
    return better(index, a, b);
  }

  /** Finished cells of {@code model} on {@code task}, each with the cell of {@code against} trained alike. */
  private static List<Cell[]> trainedPairs(MeasurementIndex index, String model, String against, String task) {
    List<Cell> trained = index.run().cells().stream()
        .filter(c -> c.status().equals(RunFormat.DONE) && !Double.isNaN(c.trainSeconds()) && matches(task, c.task()))
        .toList();
    List<Cell[]> pairs = new ArrayList<>();
    for (Cell mine : trained) {
      if (mine.model().equals(model)) {
        trained.stream()
            .filter(other -> other.model().equals(against) && other.task().equals(mine.task())
                && other.trainLevel().equals(mine.trainLevel()) && other.seed() == mine.seed())
            .forEach(other -> pairs.add(new Cell[] {mine, other}));
      }
    }
    return pairs;
  }

  /** The points of one training curve of a cell, in the order logged. */
  private static Stream<TrainingPoint> curve(MeasurementIndex index, Cell cell, String metric) {
    return points(index, cell).filter(p -> p.metric().equals(metric));
  }

  /** Every training point of a cell, in the order logged. */
  private static Stream<TrainingPoint> points(MeasurementIndex index, Cell cell) {
    return index.run().training().stream().filter(p -> p.model().equals(cell.model()) && p.task().equals(cell.task())
        && p.trainLevel().equals(cell.trainLevel()) && p.seed() == cell.seed());
  }

  /**
   * A rule read at equal training compute (research note 000's question) instead of at the end of
   * training: {@code rule} decides on the scores of budgets.csv at the largest compute budget that
   * every model it reads reached ({@code budget: largest}, the default) or at every such budget
   * ({@code all}). {@code baselines} (e.g. {@code uniform}, for a chance check) are models that do
   * not train, read at the end of the run: they stand where they stand at every budget. Its
   * evidence names the budget and each model's training FLOPs there.
   */
  record AtComputeBudget(String budget, List<String> baselines, ClaimRule rule) implements ClaimRule {
    private static final List<String> BUDGETS = List.of("largest", "all");

    public AtComputeBudget {
      required("rule", rule);
      if (rule.subject().isEmpty()) {
        throw new IllegalArgumentException("the rule of at_compute_budget must read a run's results (have a task)");
      }
      budget = budget == null ? "largest" : budget;
      baselines = baselines == null ? List.of() : List.copyOf(baselines);
      if (!BUDGETS.contains(budget)) {
        throw new IllegalArgumentException("budget is one of " + BUDGETS + ", not " + budget);
      }
    }

    @Override
    public Optional<Subject> subject() {
      return rule.subject();
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      RunResults run = index.run();
      Subject subject = rule.subject().orElseThrow();
      List<Double> reached = run.compute().stream().map(RunResults.ComputePoint::budget).distinct()
          .sorted(Comparator.reverseOrder()).filter(b -> subject.inResults(run.atComputeBudget(b, List.of()))).toList();
      if (reached.isEmpty()) {
        return new Outcome(Status.NOT_MEASURED, List.of("no compute budget that " + subject.models() + " on "
            + subject.task() + " all reached"), "not evaluated at a common compute budget");
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (double at : budget.equals("all") ? reached : reached.subList(0, 1)) {
        Outcome outcome = rule.evaluate(new MeasurementIndex(run.atComputeBudget(at, baselines)));
        String where = "at " + Numbers.text(at) + " training FLOPs (" + flops(run, at, subject) + "): ";
        outcomes.add(new Outcome(outcome.status(), outcome.evidence().stream().map(line -> where + line).toList(),
            outcome.reason()));
      }
      Status status = outcomes.stream().map(Outcome::status).max(Comparator.comparingInt(AtComputeBudget::severity))
          .orElseThrow();
      return new Outcome(status, outcomes.stream().flatMap(o -> o.evidence().stream()).toList(),
          outcomes.stream().map(Outcome::reason).filter(r -> !r.isEmpty()).findFirst().orElse(""));
    }

    private static int severity(Status status) {
      return List.of(Status.REPRODUCED, Status.CHECKED_BY_TESTS, Status.NOT_MEASURED, Status.NOT_REPRODUCED)
          .indexOf(status);
    }

    /** E.g. {@code transformer-large 1.02e+09, recurrent-transformer 1.01e+09}: where each model stood. */
    private static String flops(RunResults run, double at, Subject subject) {
      Map<String, Double> byModel = new TreeMap<>();
      run.compute().stream().filter(p -> p.budget() == at && matches(subject.task(), p.result().task())
              && subject.models().stream().flatMap(List::stream).anyMatch(m -> matches(m, p.result().model())))
          .forEach(p -> byModel.putIfAbsent(p.result().model(), p.trainingFlops()));
      return byModel.entrySet().stream().map(e -> e.getKey() + " " + Numbers.text(e.getValue()))
          .collect(Collectors.joining(", "));
    }
  }

  /**
   * The linear probe (research note 000): after training, every selected model's token embeddings
   * give a cross-validated R^2 of at least {@code at_least} for what the task's tokens stand for,
   * and beat the control (the same probe fitted to coordinates shuffled among the tokens) by at
   * least {@code above_control}. Means over seeds. The bounds are margins, as a threshold's are.
   */
  record Probe(List<String> models, String task, @JsonProperty("at_least") Double atLeast,
      @JsonProperty("above_control") Double aboveControl) implements ClaimRule {
    public Probe {
      required("models, task, at_least, above_control", models, task, atLeast, aboveControl);
    }

    @Override
    public Optional<Subject> subject() {
      return Subject.of(task, models);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      Map<List<String>, List<Cell>> probed = index.run().cells().stream()
          .filter(c -> !Double.isNaN(c.probeR2()) && matches(task, c.task())
              && models.stream().anyMatch(pattern -> matches(pattern, c.model())))
          .collect(Collectors.groupingBy(c -> List.of(c.model(), c.task(), c.trainLevel()), LinkedHashMap::new,
              Collectors.toList()));
      List<Finding> findings = new ArrayList<>();
      probed.forEach((cell, seeds) -> {
        double r2 = seeds.stream().mapToDouble(Cell::probeR2).average().orElseThrow();
        double control = seeds.stream().mapToDouble(Cell::probeR2Shuffled).average().orElseThrow();
        double margin = Math.min(r2 - atLeast, r2 - control - aboveControl);
        findings.add(new Finding(margin >= 0, margin, String.format(Locale.ROOT,
            "%s on %s (trained on %s, %d seed%s): probe R^2 %s, shuffled control %s (needs >= %s, and %s above "
                + "the control)", cell.get(0), cell.get(1), cell.get(2), seeds.size(), seeds.size() == 1 ? "" : "s",
            Numbers.text(r2), Numbers.text(control), Numbers.text(atLeast), Numbers.text(aboveControl))));
      });
      return Outcome.of(findings, "the probe of " + String.join(", ", models) + " on " + task);
    }
  }

  /**
   * Decided by the project's unit tests, not by a run: {@code test} says which; {@code task}, when
   * given, names the tasks whose runs the claim is about, so that only their reports list it.
   */
  record CheckedByTests(String test, String task) implements ClaimRule {
    public CheckedByTests {
      required("test", test);
    }

    @Override
    public Optional<Subject> subject() {
      return task == null ? Optional.empty() : Subject.of(task);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      return new Outcome(Status.CHECKED_BY_TESTS, List.of(test), "");
    }
  }

  /**
   * A claim no run can decide yet, because the harness does not record what it needs; {@code task},
   * when given, names the tasks whose runs the claim is about.
   */
  record NotRecorded(String reason, String task) implements ClaimRule {
    public NotRecorded {
      required("reason", reason);
    }

    @Override
    public Optional<Subject> subject() {
      return task == null ? Optional.empty() : Subject.of(task);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      return new Outcome(Status.NOT_MEASURED, List.of(reason), "not recorded");
    }
  }

  /**
   * Models by id pattern; {@code d_below} and {@code d_at_least} keep, of the models whose id names a
   * representation dimension, those in range (a model without one, e.g. a cross-encoder, stays).
   */
  record ModelGroup(List<String> models, @JsonProperty("d_below") Integer dBelow,
      @JsonProperty("d_at_least") Integer dAtLeast) {
    public ModelGroup {
      required("models", models);
    }

    boolean contains(String model) {
      Optional<Integer> d = MeasurementIndex.dimension(model);
      return models.stream().anyMatch(pattern -> matches(pattern, model))
          && (d.isEmpty() || ((dBelow == null || d.get() < dBelow) && (dAtLeast == null || d.get() >= dAtLeast)));
    }

    List<Measurement> measurements(MeasurementIndex index, TaskLevel at) {
      return index.models(at.task()).stream().filter(this::contains)
          .flatMap(model -> index.atBudget(model, at.task(), at.level(), at.metric()).stream()).toList();
    }

    String describe() {
      String range = (dBelow == null ? "" : " d < " + dBelow) + (dAtLeast == null ? "" : " d >= " + dAtLeast);
      return "{" + String.join(", ", models) + (range.isEmpty() ? "" : " with" + range) + "}";
    }
  }

  /**
   * A rule read from the claims file must name what it needs: a missing field fails the load, naming it.
   *
   * @param names the fields' names as the claims file spells them, e.g. {@code "model, task, at_least"}
   */
  private static void required(String names, Object... fields) {
    List<String> named = List.of(names.split(", "));
    List<String> missing = IntStream.range(0, fields.length).filter(i -> fields[i] == null).mapToObj(named::get)
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("lacks the required field" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing));
    }
  }

  /** E.g. {@code ", levels union, shatter"}, for saying what was looked for. */
  private static String levelWords(List<String> levels) {
    return ", levels " + String.join(", ", levels);
  }
}
