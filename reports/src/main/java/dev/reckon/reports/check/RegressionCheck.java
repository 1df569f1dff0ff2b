package dev.reckon.reports.check;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.check.RunComparison.Change;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.Cell;
import dev.reckon.reports.format.RunResults.Result;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run against a stored baseline, for CI. Every number of the baseline (each metric of each
 * model, task, train level, eval level and iteration count) is checked against the run's:
 *
 * <ul>
 *   <li>where both hold its per-example outcomes (outcomes.csv, on the same evaluation sets), it
 *       fails when the 95% interval of the paired difference ({@link PairedComparison}) lies wholly
 *       worse than its {@link Tolerances tolerance}: the run is worse by more than the tolerance
 *       beyond chance;
 *   <li>elsewhere it fails when it got worse by more than its tolerance <em>and</em> the two 95%
 *       intervals do not overlap, so that neither a small real drop nor a large but noisy one fails
 *       a build;
 *   <li>it fails when the run has no such number (its cell failed, or was dropped);
 *   <li>it fails when the run's value or interval is NaN or infinite, whether the baseline has the
 *       number or not: a comparison with NaN is never "worse", so it would pass unseen;
 *   <li>other numbers only the run has are counted, not checked.
 * </ul>
 *
 * And every cell of the baseline (model, task, training level and seed, done there) must be done
 * in the run: a cell the run lacks, or that failed or was skipped in it, fails the check, with a
 * line saying which (with several seeds a number averages the seeds the run has, so a cell lost
 * for one seed would not show as a missing number).
 *
 * <p>What cannot be checked is refused with an {@link IllegalArgumentException}: a baseline without
 * numbers or with a non-finite one, and a baseline of another suite than the run's (when both
 * manifests name one).
 *
 * <p>Directions (higher or lower is better) and units come from the run's manifest, else the
 * baseline's.
 */
public final class RegressionCheck {
  /**
   * One checked number.
   *
   * @param failure why it failed, or empty when it passed
   */
  public record Checked(Key key, Change change, double tolerance, Optional<String> failure) {
    public Checked {
      requireNonNull(key, "key is null");
      requireNonNull(change, "change is null");
      requireNonNull(failure, "failure is null");
    }

    public boolean failed() {
      return failure.isPresent();
    }

    /**
     * What kind of failure this is: {@code non-finite} (the run's value or interval is NaN or
     * infinite), {@code missing}, {@code regression}; empty when it passed.
     */
    public String failureType() {
      if (failure.isEmpty()) {
        return "";
      }
      if (change.measured() != null && !finite(change.measured())) {
        return "non-finite";
      }
      return change.verdict() == Verdict.MISSING ? "missing" : "regression";
    }
  }

  /**
   * A cell of the baseline (done there) and how the run stands on it.
   *
   * @param status the run's status of the cell ({@code done}, {@code failed}, {@code skipped}), or
   *     {@code missing} when the run has no line and no number of it
   * @param failure why the check fails on it, or empty when the run did the cell
   */
  public record CheckedCell(String model, String task, String trainLevel, long seed, String status,
      Optional<String> failure) {
    public CheckedCell {
      requireNonNull(status, "status is null");
      requireNonNull(failure, "failure is null");
    }

    public boolean failed() {
      return failure.isPresent();
    }

    /** E.g. {@code rrn on sudoku-4x4 (train b6, seed 1)}. */
    public String where() {
      return String.format(Locale.ROOT, "%s on %s (train %s, seed %d)", model, task, trainLevel, seed);
    }

    /** Whether a number belongs to this cell's model, task and training level. */
    public boolean holds(Key key) {
      return key.model().equals(model) && key.task().equals(task) && key.trainLevel().equals(trainLevel);
    }
  }

  private final RunResults baseline;
  private final RunResults run;
  private final Tolerances tolerances;
  private final List<Checked> checked;
  private final List<CheckedCell> cells;
  private final long unchecked;

  private RegressionCheck(RunResults baseline, RunResults run, Tolerances tolerances, List<Checked> checked,
      List<CheckedCell> cells, long unchecked) {
    this.baseline = baseline;
    this.run = run;
    this.tolerances = tolerances;
    this.checked = checked;
    this.cells = cells;
    this.unchecked = unchecked;
  }

  /**
   * @throws IllegalArgumentException when the baseline holds no number or a non-finite one, or is a
   *     run of another suite than {@code run}: its {@link #refusal}
   */
  public static RegressionCheck of(RunResults baseline, RunResults run, Tolerances tolerances) {
    requireNonNull(baseline, "baseline is null");
    requireNonNull(run, "run is null");
    requireNonNull(tolerances, "tolerances is null");
    refusal(baseline, run).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    Map<Key, List<Result>> nonFinite = new LinkedHashMap<>();
    for (Result result : run.results()) {
      if (!Double.isFinite(result.value()) || !Double.isFinite(result.ciLow()) || !Double.isFinite(result.ciHigh())) {
        nonFinite.computeIfAbsent(key(result), k -> new ArrayList<>()).add(result);
      }
    }
    RunComparison comparison = RunComparison.of(List.of(baseline, run));
    PairedComparison paired = PairedComparison.of(baseline, run);
    List<Checked> checked = comparison.rows().stream()
        .filter(row -> row.changes().get(0).verdict() != Verdict.NEW || nonFinite.containsKey(row.key()))
        .map(row -> {
          Change change = row.changes().get(0);
          double tolerance = tolerances.of(row.key().metric(), unit(row.key(), run, baseline));
          Optional<String> failure = nonFinite.containsKey(row.key())
              ? Optional.of(nonFiniteFailure(row.key(), change, nonFinite.get(row.key())))
              : failure(row.key(), change, tolerance, run,
                  paired.row(row.key()).filter(PairedComparison.Row::paired));
          return new Checked(row.key(), change, tolerance, failure);
        })
        .toList();
    long unchecked = comparison.rows().size() - checked.size();
    return new RegressionCheck(baseline, run, tolerances, checked, cells(baseline, run), unchecked);
  }

  public RunResults baseline() {
    return baseline;
  }

  public RunResults run() {
    return run;
  }

  public Tolerances tolerances() {
    return tolerances;
  }

  /** Every number of the baseline, and every non-finite number of the run. */
  public List<Checked> checked() {
    return checked;
  }

  /** The numbers that failed; {@link #cellFailures()} has the cells. */
  public List<Checked> failures() {
    return checked.stream().filter(Checked::failed).toList();
  }

  /** Every cell done in the baseline, with the run's status of it. */
  public List<CheckedCell> cells() {
    return cells;
  }

  /** The baseline's cells the run lacks, or failed, or skipped. */
  public List<CheckedCell> cellFailures() {
    return cells.stream().filter(CheckedCell::failed).toList();
  }

  public boolean passed() {
    return checked.stream().noneMatch(Checked::failed) && cells.stream().noneMatch(CheckedCell::failed);
  }

  /** Numbers the run has and the baseline does not: reported, never failed (unless not finite). */
  public long unchecked() {
    return unchecked;
  }

  /** Checked numbers with this verdict, e.g. how many got better beyond the noise. */
  public long count(Verdict verdict) {
    return checked.stream().filter(c -> c.change().verdict() == verdict).count();
  }

  /** E.g. {@code propagation on sudoku-6x6 (train b12, eval minimal, 64 iterations)}. */
  static String where(Key key) {
    return String.format(Locale.ROOT, "%s on %s (train %s, eval %s, %s)", key.model(), key.task(),
        key.trainLevel(), key.evalLevel(), Numbers.count(key.iterations(), "iteration"));
  }

  /**
   * Why {@code run} cannot be checked against {@code baseline}, or empty when it can: a baseline
   * without numbers or with a non-finite one, or a baseline of another suite than the run's (when
   * both manifests name one).
   */
  public static Optional<String> refusal(RunResults baseline, RunResults run) {
    if (baseline.results().isEmpty()) {
      return Optional.of("the baseline " + baseline.directory() + " holds no numbers: its results.csv has no rows");
    }
    for (Result result : baseline.results()) {
      if (!Double.isFinite(result.value()) || !Double.isFinite(result.ciLow()) || !Double.isFinite(result.ciHigh())) {
        return Optional.of("the baseline " + baseline.directory() + " holds a number that is not finite: "
            + where(key(result)) + ": " + result.metric() + " of seed " + result.seed() + " is " + result.value() + " "
            + interval(result.ciLow(), result.ciHigh()) + "; make the baseline from a run you trust");
      }
    }
    Optional<String> was = baseline.suite();
    Optional<String> now = run.suite();
    if (was.isPresent() && now.isPresent() && !was.get().equals(now.get())) {
      return Optional.of("the baseline " + baseline.directory() + " is a run of suite '" + was.get() + "' and "
          + run.directory() + " a run of suite '" + now.get() + "': a run is checked against a baseline of its own "
          + "suite");
    }
    return Optional.empty();
  }

  private static Key key(Result result) {
    return new Key(result.model(), result.task(), result.trainLevel(), result.evalLevel(), result.iterations(),
        result.metric());
  }

  private static boolean finite(Measurement m) {
    return Double.isFinite(m.value()) && Double.isFinite(m.ciLow()) && Double.isFinite(m.ciHigh());
  }

  /** E.g. {@code rrn on ... : puzzle_accuracy is not a finite number in this run (seed 1: NaN [NaN, NaN])}. */
  private static String nonFiniteFailure(Key key, Change change, List<Result> rows) {
    String values = rows.stream()
        .map(r -> "seed " + r.seed() + ": " + r.value() + " " + interval(r.ciLow(), r.ciHigh()))
        .collect(Collectors.joining("; "));
    Measurement before = change.baseline();
    return String.format(Locale.ROOT, "%s: %s is not a finite number in this run (%s)%s", where(key), key.metric(),
        values, before == null ? ""
            : "; it was " + Numbers.text(before.value()) + " " + Numbers.interval(before.ciLow(), before.ciHigh())
                + " in the baseline");
  }

  /** An interval as the file has it, NaN and infinities spelled out. */
  private static String interval(double low, double high) {
    return "[" + low + ", " + high + "]";
  }

  private static Optional<String> failure(Key key, Change change, double tolerance, RunResults run,
      Optional<PairedComparison.Row> paired) {
    Measurement before = change.baseline();
    String was = Numbers.text(before.value()) + " " + Numbers.interval(before.ciLow(), before.ciHigh());
    if (change.verdict() == Verdict.MISSING) {
      return Optional.of(String.format(Locale.ROOT, "%s: %s was %s in the baseline and is missing from this run (%s)",
          where(key), key.metric(), was, cellStatus(key, run)));
    }
    if (paired.isPresent()) {
      PairedComparison.Row row = paired.get();
      return row.worseBeyond(tolerance) ? Optional.of(String.format(Locale.ROOT, "%s: %s got worse from %s to %s: "
              + "the paired difference %s %s (%s, McNemar p = %s) lies beyond the tolerance %s", where(key),
          key.metric(), Numbers.text(row.a().value()), Numbers.text(row.b().value()), Numbers.text(row.difference()),
          Numbers.interval(row.low(), row.high()), row.basis(), Numbers.text(row.pValue()),
          Numbers.text(tolerance))) : Optional.empty();
    }
    if (change.verdict() == Verdict.WORSE && change.worsening() > tolerance) {
      Measurement after = change.measured();
      return Optional.of(String.format(Locale.ROOT, "%s: %s got worse from %s to %s, by %s, beyond the tolerance "
              + "%s; the 95%% intervals do not overlap", where(key), key.metric(), was,
          Numbers.text(after.value()) + " " + Numbers.interval(after.ciLow(), after.ciHigh()),
          Numbers.text(change.worsening()), Numbers.text(tolerance)));
    }
    return Optional.empty();
  }

  /** What cells.csv of the run says of the cell that should have produced a missing number. */
  private static String cellStatus(Key key, RunResults run) {
    return run.cells().stream()
        .filter(c -> c.model().equals(key.model()) && c.task().equals(key.task())
            && c.trainLevel().equals(key.trainLevel()) && !c.status().equals(RunFormat.DONE))
        .findFirst()
        .map(RegressionCheck::describe)
        .orElse("no result for it");
  }

  private static String describe(Cell cell) {
    return "the cell " + cell.status() + (cell.reason().isEmpty() ? "" : ": " + cell.reason());
  }

  /**
   * The baseline's done cells (from its cells.csv, and from its results for a baseline of results
   * alone), each with the run's status of it.
   */
  private static List<CheckedCell> cells(RunResults baseline, RunResults run) {
    Set<List<Object>> wanted = new LinkedHashSet<>();
    for (Cell cell : baseline.cells()) {
      if (cell.status().equals(RunFormat.DONE)) {
        wanted.add(List.of(cell.model(), cell.task(), cell.trainLevel(), cell.seed()));
      }
    }
    for (Result result : baseline.results()) {
      wanted.add(List.of(result.model(), result.task(), result.trainLevel(), result.seed()));
    }
    Map<List<Object>, Cell> runCells = new HashMap<>();
    run.cells().forEach(cell -> runCells.put(List.of(cell.model(), cell.task(), cell.trainLevel(), cell.seed()), cell));
    Set<List<Object>> withResults = new HashSet<>();
    run.results().forEach(r -> withResults.add(List.of(r.model(), r.task(), r.trainLevel(), r.seed())));
    List<CheckedCell> checked = new ArrayList<>();
    for (List<Object> id : wanted) {
      String model = (String) id.get(0);
      String task = (String) id.get(1);
      String trainLevel = (String) id.get(2);
      long seed = (Long) id.get(3);
      Cell cell = runCells.get(id);
      String where = String.format(Locale.ROOT, "cell %s on %s (train %s, seed %d)", model, task, trainLevel, seed);
      if (cell == null) {
        boolean present = withResults.contains(id);
        checked.add(new CheckedCell(model, task, trainLevel, seed, present ? RunFormat.DONE : "missing", present
            ? Optional.empty()
            : Optional.of(where + " was done in the baseline and is missing from this run: cells.csv has no line "
                + "for it and results.csv no number")));
      } else if (cell.status().equals(RunFormat.DONE)) {
        checked.add(new CheckedCell(model, task, trainLevel, seed, RunFormat.DONE, Optional.empty()));
      } else {
        checked.add(new CheckedCell(model, task, trainLevel, seed, cell.status(), Optional.of(where
            + " was done in the baseline and " + (cell.status().equals(RunFormat.FAILED) ? "failed" : "is " + cell.status())
            + " in this run" + (cell.reason().isEmpty() ? "" : ": " + cell.reason()))));
      }
    }
    return List.copyOf(checked);
  }

  private static String unit(Key key, RunResults run, RunResults baseline) {
    for (RunResults r : List.of(run, baseline)) {
      TaskInfo task = r.tasks().get(key.task());
      if (task != null && !task.unit(key.metric()).isEmpty()) {
        return task.unit(key.metric());
      }
    }
    return "";
  }
}
