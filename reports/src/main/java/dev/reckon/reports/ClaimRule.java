package dev.reckon.reports;

import static dev.reckon.reports.ResultSelection.cellLevels;
import static dev.reckon.reports.ResultSelection.counterpart;
import static dev.reckon.reports.ResultSelection.gain;
import static dev.reckon.reports.ResultSelection.matches;
import static dev.reckon.reports.ResultSelection.taskLevels;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.reckon.reports.ClaimVerdict.Finding;
import dev.reckon.reports.ClaimVerdict.Outcome;
import dev.reckon.reports.ClaimVerdict.Status;
import dev.reckon.reports.ResultSelection.CellLevel;
import dev.reckon.reports.ResultSelection.TaskLevel;
import dev.reckon.reports.RunResults.Cell;
import dev.reckon.reports.RunResults.TaskInfo;
import dev.reckon.reports.RunResults.TrainingPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rule that decides a claim, or part of one, from a run's results; one record a {@code kind} of
 * seeds/claims.yaml (seeds/README.md describes each). Rules read measurements averaged over seeds,
 * at each cell's full iteration budget unless they name iterations. {@code task} and model ids may
 * hold {@code *} wildcards; {@code metric} defaults to the task's primary metric. {@code levels}
 * holds level ids or the words {@code all}, {@code hardest}, and, for rules about one model's
 * cells, {@code training} and {@code harder} (every level harder than the one trained on).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClaimRule.MoreIterations.class, name = "more_iterations"),
    @JsonSubTypes.Type(value = ClaimRule.AboveModel.class, name = "above_model"),
    @JsonSubTypes.Type(value = ClaimRule.Threshold.class, name = "threshold"),
    @JsonSubTypes.Type(value = ClaimRule.Separation.class, name = "separation"),
    @JsonSubTypes.Type(value = ClaimRule.DimensionTrend.class, name = "dimension_trend"),
    @JsonSubTypes.Type(value = ClaimRule.TimeToTarget.class, name = "time_to_target"),
    @JsonSubTypes.Type(value = ClaimRule.LowerTrainingPeak.class, name = "lower_training_peak"),
    @JsonSubTypes.Type(value = ClaimRule.Collapses.class, name = "collapses"),
    @JsonSubTypes.Type(value = ClaimRule.CheckedByTests.class, name = "checked_by_tests"),
    @JsonSubTypes.Type(value = ClaimRule.NotRecorded.class, name = "not_recorded")})
sealed interface ClaimRule {
  Outcome evaluate(MeasurementIndex index);

  /**
   * The model, evaluated at iterations {@code at}, beats itself at {@code than} by more than {@code
   * by} on every selected level. Iterations are a count, {@code budget}, or a multiple of the
   * trained count: {@code T}, {@code 2T}, {@code 4T}.
   */
  record MoreIterations(String model, String task, List<String> levels, String metric, String at, String than,
      double by) implements ClaimRule {
    public MoreIterations {
      required(model, task, levels, at, than);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (CellLevel s : cellLevels(index, task, List.of(model), levels, metric)) {
        Optional<Measurement> high = s.at(index, at);
        Optional<Measurement> low = s.at(index, than);
        if (high.isPresent() && low.isPresent()) {
          double gain = gain(index, s.task(), s.metric(), high.get().value(), low.get().value());
          findings.add(new Finding(gain > by, gain - by, String.format(Locale.ROOT,
              "%s on %s %s: %s %s at %s = %d iterations vs %s at %s = %d (needs a gain above %s)", s.model(),
              s.task(), s.level(), s.metric(), Numbers.text(high.get().value()), at, high.get().iterations(),
              Numbers.text(low.get().value()), than, low.get().iterations(), Numbers.text(by))));
        }
      }
      return Outcome.of(findings, model + " on " + task + " at " + at + " and " + than + " iterations");
    }
  }

  /**
   * The model leads {@code against} by at least {@code by} on every selected level, both at full
   * budget; with {@code within_noise}, a smaller lead also holds when the two 95% intervals overlap.
   */
  record AboveModel(String model, String against, String task, List<String> levels, String metric, double by,
      @JsonProperty("within_noise") boolean withinNoise) implements ClaimRule {
    public AboveModel {
      required(model, against, task, levels);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (CellLevel s : cellLevels(index, task, List.of(model), levels, metric)) {
        Measurement mine = s.atBudget(index);
        counterpart(index, against, s).ifPresent(other -> {
          double lead = gain(index, s.task(), s.metric(), mine.value(), other.value());
          boolean noise = withinNoise && mine.ciLow() <= other.ciHigh() && other.ciLow() <= mine.ciHigh();
          findings.add(new Finding(lead >= by || noise, lead - by, String.format(Locale.ROOT,
              "%s %s vs %s %s on %s %s (%s, needs a lead of %s%s)", s.model(), Numbers.text(mine.value()),
              other.model(), Numbers.text(other.value()), s.task(), s.level(), s.metric(), Numbers.text(by),
              withinNoise ? (noise ? " or overlapping intervals: they overlap" : " or overlapping intervals") : "")));
        });
      }
      return Outcome.of(findings, model + " and " + against + " on " + task);
    }
  }

  /** Every selected model is at least {@code atLeast} and at most {@code atMost} on every selected level. */
  record Threshold(List<String> models, String task, List<String> levels, String metric,
      @JsonProperty("at_least") Double atLeast, @JsonProperty("at_most") Double atMost) implements ClaimRule {
    public Threshold {
      required(models, task, levels);
      if (atLeast == null && atMost == null) {
        throw new IllegalArgumentException("a threshold needs at_least or at_most");
      }
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (CellLevel s : cellLevels(index, task, models, levels, metric)) {
        double value = s.atBudget(index).value();
        double margin = Math.min(atLeast == null ? Double.MAX_VALUE : value - atLeast,
            atMost == null ? Double.MAX_VALUE : atMost - value);
        findings.add(new Finding(margin >= 0, margin, String.format(Locale.ROOT, "%s on %s %s: %s %s (needs %s)",
            s.model(), s.task(), s.level(), s.metric(), Numbers.text(value), bounds())));
      }
      return Outcome.of(findings, String.join(", ", models) + " on " + task + levelWords(levels));
    }

    private String bounds() {
      List<String> bounds = new ArrayList<>();
      if (atLeast != null) {
        bounds.add(">= " + Numbers.text(atLeast));
      }
      if (atMost != null) {
        bounds.add("<= " + Numbers.text(atMost));
      }
      return String.join(" and ", bounds);
    }
  }

  /** On every selected level, every model of {@code worse} is worse than every model of {@code better}. */
  record Separation(String task, List<String> levels, String metric, ModelGroup worse, ModelGroup better)
      implements ClaimRule {
    public Separation {
      required(task, levels, worse, better);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (TaskLevel s : taskLevels(index, task, levels, metric)) {
        List<Measurement> low = worse.measurements(index, s);
        List<Measurement> high = better.measurements(index, s);
        if (low.isEmpty() || high.isEmpty()) {
          continue;
        }
        Comparator<Measurement> byMerit = Comparator.comparingDouble(m -> gain(index, s.task(), s.metric(),
            m.value(), 0));
        Measurement bestOfWorse = low.stream().max(byMerit).orElseThrow();
        Measurement worstOfBetter = high.stream().min(byMerit).orElseThrow();
        double gap = gain(index, s.task(), s.metric(), worstOfBetter.value(), bestOfWorse.value());
        findings.add(new Finding(gap > 0, gap, String.format(Locale.ROOT,
            "%s %s, %s: best of %s %s (%s), worst of %s %s (%s)", s.task(), s.level(), s.metric(), worse.describe(),
            Numbers.text(bestOfWorse.value()), bestOfWorse.model(), better.describe(),
            Numbers.text(worstOfBetter.value()), worstOfBetter.model())));
      }
      return Outcome.of(findings, worse.describe() + " and " + better.describe() + " on " + task + levelWords(levels));
    }
  }

  /**
   * Across the selected models ordered by representation dimension d, the metric falls (or rises) as
   * d rises; each step may go the other way by at most {@code slack}.
   */
  record DimensionTrend(List<String> models, String task, List<String> levels, String metric, Trend trend,
      double slack) implements ClaimRule {
    public DimensionTrend {
      required(models, task, levels, trend);
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
      for (TaskLevel s : taskLevels(index, task, levels, metric)) {
        Map<Integer, Measurement> byDimension = new TreeMap<>();
        group.measurements(index, s)
            .forEach(m -> MeasurementIndex.dimension(m.model()).ifPresent(d -> byDimension.put(d, m)));
        if (byDimension.size() < 2) {
          continue;
        }
        List<Measurement> ordered = List.copyOf(byDimension.values());
        List<String> against = new ArrayList<>();
        double worstStep = Double.NEGATIVE_INFINITY; // the largest step the wrong way
        for (int i = 1; i < ordered.size(); i++) {
          double step = ordered.get(i).value() - ordered.get(i - 1).value();
          double wrongWay = trend == Trend.FALLS ? step : -step;
          worstStep = Math.max(worstStep, wrongWay);
          if (wrongWay > slack) {
            against.add(ordered.get(i - 1).model() + " to " + ordered.get(i).model());
          }
        }
        findings.add(new Finding(against.isEmpty(), slack - worstStep, String.format(Locale.ROOT,
            "%s %s, %s by d: %s%s", s.task(), s.level(), s.metric(), byDimension.entrySet().stream()
                .map(e -> e.getKey() + ": " + Numbers.text(e.getValue().value())).collect(Collectors.joining(", ")),
            against.isEmpty() ? "" : "; goes the wrong way from " + String.join(", ", against))));
      }
      return Outcome.of(findings, String.join(", ", models) + " with a dimension on " + task + levelWords(levels));
    }
  }

  /**
   * In every pair of finished cells of both models trained alike (task, level, seed), the model's
   * training curve of {@code train_<primary metric>} reaches {@code target} in less wall time than
   * that of {@code against}; a model whose curve never reaches it counts as slower.
   */
  record TimeToTarget(String model, String against, String task, double target) implements ClaimRule {
    public TimeToTarget {
      required(model, against, task);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (Cell[] pair : trainedPairs(index, model, against, task)) {
        String metric = Optional.ofNullable(index.run().tasks().get(pair[0].task())).map(TaskInfo::trainingMetric)
            .orElse("");
        double mine = secondsTo(index, pair[0], metric);
        double other = secondsTo(index, pair[1], metric);
        double margin = Math.min(other, Double.MAX_VALUE) - Math.min(mine, Double.MAX_VALUE);
        findings.add(new Finding(mine < other, margin, String.format(Locale.ROOT,
            "%s %s seed %d: %s reached %s %s in %s, %s in %s", pair[0].task(), pair[0].trainLevel(), pair[0].seed(),
            metric, Numbers.text(target), model, seconds(mine), against, seconds(other))));
      }
      return Outcome.of(findings, "finished training cells of " + model + " and " + against + " on " + task);
    }

    private double secondsTo(MeasurementIndex index, Cell cell, String metric) {
      return curve(index, cell, metric).filter(p -> p.value() >= target).mapToDouble(TrainingPoint::wallSeconds)
          .findFirst().orElse(Double.POSITIVE_INFINITY);
    }

    private static String seconds(double value) {
      return Double.isInfinite(value) ? "never" : Numbers.text(value) + " s";
    }
  }

  /**
   * In every pair of finished cells of both models trained alike (task, level, seed), the largest
   * value of the training curve {@code metric} (e.g. {@code update_memory_mb}) is smaller for the
   * model than for {@code against}.
   */
  record LowerTrainingPeak(String model, String against, String task, String metric) implements ClaimRule {
    public LowerTrainingPeak {
      required(model, against, task, metric);
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
   * Every finished cell of the model on {@code task} that trained at least {@code min_updates}
   * updates saw its training collapse (the harness's detection, in cells.csv); shorter cells do not
   * count, so a run without a long enough one leaves the claim not measured.
   */
  record Collapses(String model, String task, @JsonProperty("min_updates") int minUpdates) implements ClaimRule {
    public Collapses {
      required(model, task);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      List<Finding> findings = new ArrayList<>();
      for (Cell cell : index.run().cells()) {
        if (!cell.model().equals(model) || !cell.status().equals("done") || !matches(task, cell.task())) {
          continue;
        }
        long updates = points(index, cell).mapToLong(TrainingPoint::update).max().orElse(0);
        if (updates >= minUpdates) {
          boolean collapsed = cell.collapseUpdate() > 0;
          findings.add(new Finding(collapsed, collapsed ? 1 : -1, String.format(Locale.ROOT,
              "%s on %s %s seed %d, %d updates: %s", model, cell.task(), cell.trainLevel(), cell.seed(), updates,
              collapsed ? "collapsed at update " + cell.collapseUpdate() + " (" + cell.collapse() + ")"
                  : "no collapse")));
        }
      }
      return Outcome.of(findings, model + " on " + task + " trained at least " + minUpdates + " updates");
    }
  }

  /** Finished cells of {@code model} on {@code task}, each with the cell of {@code against} trained alike. */
  private static List<Cell[]> trainedPairs(MeasurementIndex index, String model, String against, String task) {
    List<Cell> trained = index.run().cells().stream()
        .filter(c -> c.status().equals("done") && !Double.isNaN(c.trainSeconds()) && matches(task, c.task()))
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

  /** Decided by the project's unit tests, not by a run: {@code test} says which. */
  record CheckedByTests(String test) implements ClaimRule {
    public CheckedByTests {
      required(test);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      return new Outcome(Status.CHECKED_BY_TESTS, List.of(test));
    }
  }

  /** A claim no run can decide yet, because the harness does not record what it needs. */
  record NotRecorded(String reason) implements ClaimRule {
    public NotRecorded {
      required(reason);
    }

    @Override
    public Outcome evaluate(MeasurementIndex index) {
      return new Outcome(Status.NOT_MEASURED, List.of(reason));
    }
  }

  /**
   * Models by id pattern; {@code d_below} and {@code d_at_least} keep, of the models whose id names a
   * representation dimension, those in range (a model without one, e.g. a cross-encoder, stays).
   */
  record ModelGroup(List<String> models, @JsonProperty("d_below") Integer dBelow,
      @JsonProperty("d_at_least") Integer dAtLeast) {
    public ModelGroup {
      required(models);
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

  /** A rule read from the claims file must name what it needs: a missing field fails the load. */
  private static void required(Object... fields) {
    for (Object field : fields) {
      if (field == null) {
        throw new IllegalArgumentException("a claim rule lacks a required field");
      }
    }
  }

  /** E.g. {@code ", levels union, shatter"}, for saying what was looked for. */
  private static String levelWords(List<String> levels) {
    return ", levels " + String.join(", ", levels);
  }
}
