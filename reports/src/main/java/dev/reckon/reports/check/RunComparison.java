package dev.reckon.reports.check;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs side by side: every number (model, task, train level, eval level, iterations, metric) of the
 * first run, the baseline, against the same number in each other run, with the change and whether
 * it is outside the noise. Outside the noise means the two 95% intervals do not overlap: the
 * intervals of results.csv (Wilson for proportions) for one seed, the intervals over seeds for
 * several (see {@link Measurement}).
 */
public final class RunComparison {
  /** How a number of a compared run stands against the baseline's. */
  public enum Verdict {
    /** Better than the baseline, and the intervals do not overlap. */
    BETTER,
    /** Worse than the baseline, and the intervals do not overlap. */
    WORSE,
    /** The intervals overlap: the change may be noise. */
    WITHIN_NOISE,
    /** The baseline has the number, the compared run does not (a failed or dropped cell). */
    MISSING,
    /** The compared run has a number the baseline does not. */
    NEW;

    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One number of one compared run against the baseline's.
   *
   * @param baseline the baseline's measurement, null when {@link Verdict#NEW}
   * @param measured the compared run's, null when {@link Verdict#MISSING}
   * @param higherIsBetter the metric's direction, from the manifests
   */
  public record Change(Measurement baseline, Measurement measured, boolean higherIsBetter, Verdict verdict) {
    public Change {
      requireNonNull(verdict, "verdict is null");
    }

    /** Compared minus baseline, NaN when either is absent. */
    public double difference() {
      return baseline == null || measured == null ? Double.NaN : measured.value() - baseline.value();
    }

    /** How much worse the compared run is, in the metric's direction: positive when it got worse. */
    public double worsening() {
      return higherIsBetter ? -difference() : difference();
    }
  }

  /** A number and how each compared run stands against the baseline on it, in run order. */
  public record Row(Key key, List<Change> changes) {
    public Row {
      requireNonNull(key, "key is null");
      changes = List.copyOf(changes);
    }
  }

  private final List<RunResults> runs;
  private final List<Row> rows;

  private RunComparison(List<RunResults> runs, List<Row> rows) {
    this.runs = runs;
    this.rows = rows;
  }

  /** Compares every run after the first with the first. */
  public static RunComparison of(List<RunResults> runs) {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("a comparison needs a baseline and at least one other run");
    }
    List<Map<Key, Measurement>> measured = runs.stream().map(Measurement::of).toList();
    Set<Key> keys = new LinkedHashSet<>();
    measured.forEach(m -> keys.addAll(m.keySet()));
    List<Row> rows = new ArrayList<>();
    for (Key key : keys) {
      List<Change> changes = new ArrayList<>();
      for (int run = 1; run < runs.size(); run++) {
        boolean higher = higherIsBetter(key, runs.get(run), runs.get(0));
        changes.add(change(measured.get(0).get(key), measured.get(run).get(key), higher));
      }
      rows.add(new Row(key, changes));
    }
    return new RunComparison(List.copyOf(runs), List.copyOf(rows));
  }

  public List<RunResults> runs() {
    return runs;
  }

  public List<Row> rows() {
    return rows;
  }

  /** How many numbers of the compared run at {@code index} (1: the first after the baseline) have each verdict. */
  public Map<Verdict, Long> counts(int index) {
    Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
    rows.forEach(row -> counts.merge(row.changes().get(index - 1).verdict(), 1L, Long::sum));
    return counts;
  }

  /**
   * The comparison as a table: a row a number, and per run its value and interval; per compared run
   * also the change and the verdict. {@code primaryOnly} keeps the primary metrics alone (the
   * leaderboards' numbers), for a page a person reads.
   */
  public Board toBoard(boolean primaryOnly) {
    List<String> header = new ArrayList<>(List.of(Column.MODEL.id(), Column.TASK.id(), Column.TRAIN_LEVEL.id(),
        Column.EVAL_LEVEL.id(), Column.ITERATIONS.id(), Column.METRIC.id()));
    for (int run = 0; run < runs.size(); run++) {
      String id = runs.get(run).id();
      header.addAll(List.of(id, id + " ci_low", id + " ci_high"));
      if (run > 0) {
        header.addAll(List.of(id + " change", id + " verdict"));
      }
    }
    List<List<Object>> table = new ArrayList<>();
    for (Row row : rows) {
      Key key = row.key();
      if (primaryOnly && !isPrimary(key)) {
        continue;
      }
      List<Object> cells = new ArrayList<>(List.of(key.model(), key.task(), key.trainLevel(), key.evalLevel(),
          key.iterations(), key.metric()));
      addValue(cells, row.changes().get(0).baseline());
      for (Change change : row.changes()) {
        addValue(cells, change.measured());
        cells.add(Board.optional(Double.isNaN(change.difference()) ? null : change.difference()));
        cells.add(change.verdict().text());
      }
      table.add(cells);
    }
    return new Board("comparison", header, table);
  }

  private boolean isPrimary(Key key) {
    return runs.stream().map(run -> run.tasks().get(key.task())).filter(Objects::nonNull)
        .anyMatch(task -> task.primaryMetric().equals(key.metric()));
  }

  private static void addValue(List<Object> cells, Measurement m) {
    cells.add(Board.optional(m == null ? null : m.value()));
    cells.add(Board.optional(m == null ? null : m.ciLow()));
    cells.add(Board.optional(m == null ? null : m.ciHigh()));
  }

  static Change change(Measurement baseline, Measurement measured, boolean higherIsBetter) {
    Verdict verdict;
    if (measured == null) {
      verdict = Verdict.MISSING;
    } else if (baseline == null) {
      verdict = Verdict.NEW;
    } else if (measured.ciLow() <= baseline.ciHigh() && baseline.ciLow() <= measured.ciHigh()) {
      verdict = Verdict.WITHIN_NOISE;
    } else {
      verdict = (measured.value() > baseline.value()) == higherIsBetter ? Verdict.BETTER : Verdict.WORSE;
    }
    return new Change(baseline, measured, higherIsBetter, verdict);
  }

  /** The metric's direction as the compared run's manifest states it, else the baseline's. */
  static boolean higherIsBetter(Key key, RunResults compared, RunResults baseline) {
    for (RunResults run : List.of(compared, baseline)) {
      RunResults.TaskInfo task = run.tasks().get(key.task());
      if (task != null && task.higherIsBetter().containsKey(key.metric())) {
        return task.higherIsBetter(key.metric());
      }
    }
    return true;
  }
}
