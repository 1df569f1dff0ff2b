package dev.reckon.reports;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.Measurement.Key;
import dev.reckon.reports.RunComparison.Change;
import dev.reckon.reports.RunComparison.Verdict;
import dev.reckon.reports.RunResults.Cell;
import dev.reckon.reports.RunResults.TaskInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run against a stored baseline, for CI. Every number of the baseline (each metric of each
 * model, task, train level, eval level and iteration count) is checked against the run's:
 *
 * <ul>
 *   <li>it fails when it got worse by more than its {@link Tolerances tolerance} <em>and</em> the
 *       two 95% intervals do not overlap, so that neither a small real drop nor a large but noisy
 *       one fails a build;
 *   <li>it fails when the run has no such number (its cell failed, or was dropped);
 *   <li>numbers only the run has are counted, not checked.
 * </ul>
 *
 * Directions (higher or lower is better) and units come from the run's manifest, else the
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
  }

  private final RunResults baseline;
  private final RunResults run;
  private final Tolerances tolerances;
  private final List<Checked> checked;
  private final long unchecked;

  private RegressionCheck(RunResults baseline, RunResults run, Tolerances tolerances, List<Checked> checked,
      long unchecked) {
    this.baseline = baseline;
    this.run = run;
    this.tolerances = tolerances;
    this.checked = checked;
    this.unchecked = unchecked;
  }

  public static RegressionCheck of(RunResults baseline, RunResults run, Tolerances tolerances) {
    requireNonNull(tolerances, "tolerances is null");
    RunComparison comparison = RunComparison.of(List.of(baseline, run));
    List<Checked> checked = comparison.rows().stream()
        .filter(row -> row.changes().get(0).verdict() != Verdict.NEW)
        .map(row -> {
          Change change = row.changes().get(0);
          double tolerance = tolerances.of(row.key().metric(), unit(row.key(), run, baseline));
          return new Checked(row.key(), change, tolerance, failure(row.key(), change, tolerance, run));
        })
        .toList();
    long unchecked = comparison.rows().size() - checked.size();
    return new RegressionCheck(baseline, run, tolerances, checked, unchecked);
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

  public List<Checked> checked() {
    return checked;
  }

  public List<Checked> failures() {
    return checked.stream().filter(Checked::failed).toList();
  }

  public boolean passed() {
    return checked.stream().noneMatch(Checked::failed);
  }

  /** Numbers the run has and the baseline does not: reported, never failed. */
  public long unchecked() {
    return unchecked;
  }

  /** Checked numbers with this verdict, e.g. how many got better beyond the noise. */
  public long count(Verdict verdict) {
    return checked.stream().filter(c -> c.change().verdict() == verdict).count();
  }

  /** E.g. {@code propagation on sudoku-6x6 (train b12, eval minimal, 64 iterations)}. */
  static String where(Key key) {
    return String.format(Locale.ROOT, "%s on %s (train %s, eval %s, %d iterations)", key.model(), key.task(),
        key.trainLevel(), key.evalLevel(), key.iterations());
  }

  private static Optional<String> failure(Key key, Change change, double tolerance, RunResults run) {
    Measurement before = change.baseline();
    String was = Numbers.text(before.value()) + " " + Numbers.interval(before.ciLow(), before.ciHigh());
    if (change.verdict() == Verdict.MISSING) {
      return Optional.of(String.format(Locale.ROOT, "%s: %s was %s in the baseline and is missing from this run (%s)",
          where(key), key.metric(), was, cellStatus(key, run)));
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
            && c.trainLevel().equals(key.trainLevel()) && !c.status().equals("done"))
        .findFirst()
        .map(RegressionCheck::describe)
        .orElse("no result for it");
  }

  private static String describe(Cell cell) {
    return "the cell " + cell.status() + (cell.reason().isEmpty() ? "" : ": " + cell.reason());
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
