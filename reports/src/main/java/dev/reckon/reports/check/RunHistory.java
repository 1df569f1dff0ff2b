package dev.reckon.reports.check;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Metric;
import dev.reckon.reports.check.RegressionCheck.Checked;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunFormat.Table;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs of one suite in the order they started, each checked against the run before it by {@link
 * RegressionCheck}, as {@code reckon check RUN --baseline PREVIOUS} would check it: what {@code
 * reckon history} draws. Its series are the primary metrics at each cell's full iteration budget
 * (the leaderboards' numbers); a point fails where its run's check fails that very number.
 */
public final class RunHistory {
  /**
   * One run and how it stands against the run before.
   *
   * @param check the check against the run before; empty for the first run, and where the run
   *     before cannot be a baseline
   * @param unchecked why there is no check; empty when there is one
   */
  public record Step(RunResults run, Optional<RegressionCheck> check, String unchecked) {
    public Step {
      requireNonNull(run, "run is null");
      requireNonNull(check, "check is null");
      requireNonNull(unchecked, "unchecked is null");
    }
  }

  /**
   * A primary-metric number over the runs.
   *
   * @param fraction whether the metric is measured as a fraction (by the newest manifest)
   * @param points a point for each run that has the number, in run order
   */
  public record Series(Key key, boolean fraction, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  /**
   * A run's measurement of a series' number.
   *
   * @param run the run's place in the history, from 0
   * @param failure why the check against the run before fails this number; empty when it does not
   */
  public record Point(int run, Measurement measurement, Optional<String> failure) {
    public boolean failed() {
      return failure.isPresent();
    }
  }

  private final List<Step> steps;
  private final List<Series> series;
  private final Tolerances tolerances;

  private RunHistory(List<Step> steps, List<Series> series, Tolerances tolerances) {
    this.steps = steps;
    this.series = series;
    this.tolerances = tolerances;
  }

  /**
   * Orders {@code runs} by their start and checks each against the one before.
   *
   * @throws IllegalArgumentException when fewer than two runs are given, a run has no start (no
   *     manifest), one run is given twice, or the runs are of different suites
   */
  public static RunHistory of(List<RunResults> runs, Tolerances tolerances) {
    requireNonNull(tolerances, "tolerances is null");
    if (runs.size() < 2) {
      throw new IllegalArgumentException("a history needs at least two runs; " + runs.size() + " given");
    }
    Map<String, RunResults> byId = new HashMap<>();
    for (RunResults run : runs) {
      if (run.startedAt().isEmpty()) {
        throw new IllegalArgumentException(run.directory() + " has no " + RunFormat.MANIFEST + " with the run's "
            + "start: a history orders runs by when they started, so keep each run's " + RunFormat.MANIFEST
            + " beside its " + Table.RESULTS.file());
      }
      RunResults same = byId.putIfAbsent(run.id(), run);
      if (same != null) {
        throw new IllegalArgumentException(same.directory() + " and " + run.directory() + " are the same run ("
            + run.id() + "): a history takes each run once");
      }
      if (!run.suite().equals(runs.get(0).suite())) {
        throw new IllegalArgumentException(runs.get(0).directory() + " is a run of suite '"
            + runs.get(0).suite().orElse("") + "' and " + run.directory() + " of suite '" + run.suite().orElse("")
            + "': a history follows the runs of one suite");
      }
    }
    // A stable sort: runs started in the same second keep the order given.
    List<RunResults> ordered = runs.stream().sorted(Comparator.comparing(run -> run.startedAt().orElseThrow()))
        .toList();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(ordered.get(0), Optional.empty(), "the first run"));
    for (int i = 1; i < ordered.size(); i++) {
      RunResults before = ordered.get(i - 1);
      RunResults run = ordered.get(i);
      Optional<String> refusal = RegressionCheck.refusal(before, run);
      steps.add(refusal.isPresent() ? new Step(run, Optional.empty(), "not checked: " + refusal.get())
          : new Step(run, Optional.of(RegressionCheck.of(before, run, tolerances)), ""));
    }
    return new RunHistory(List.copyOf(steps), series(steps), tolerances);
  }

  /** The runs in the order they started, each with its check against the one before. */
  public List<Step> steps() {
    return steps;
  }

  public List<Series> series() {
    return series;
  }

  /** The tolerances every run was checked with. */
  public Tolerances tolerances() {
    return tolerances;
  }

  /** The run that started last. */
  public RunResults newest() {
    return steps.get(steps.size() - 1).run();
  }

  /** The suite of the runs, as their manifests name it. */
  public Optional<String> suite() {
    return steps.get(0).run().suite();
  }

  /** Each run's primary metrics at each cell's full budget, in the order the numbers first appear. */
  private static List<Series> series(List<Step> steps) {
    Map<Key, List<Point>> points = new LinkedHashMap<>();
    for (int run = 0; run < steps.size(); run++) {
      Step step = steps.get(run);
      MeasurementIndex index = new MeasurementIndex(step.run());
      for (Measurement m : index.all()) {
        boolean primary = index.primaryMetric(m.task()).orElse("").equals(m.metric());
        if (primary && m.iterations() == index.budget(m.model(), m.task(), m.trainLevel())) {
          points.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(new Point(run, m, failure(step, m.key())));
        }
      }
    }
    RunResults newest = steps.get(steps.size() - 1).run();
    List<Series> series = new ArrayList<>();
    points.forEach((key, line) -> series.add(new Series(key, fraction(newest, key), line)));
    return List.copyOf(series);
  }

  private static Optional<String> failure(Step step, Key key) {
    return step.check().flatMap(check -> check.failures().stream().filter(c -> c.key().equals(key)).findFirst())
        .flatMap(Checked::failure);
  }

  private static boolean fraction(RunResults run, Key key) {
    TaskInfo task = run.tasks().get(key.task());
    return task != null && task.unit(key.metric()).equals(Metric.FRACTION);
  }
}
