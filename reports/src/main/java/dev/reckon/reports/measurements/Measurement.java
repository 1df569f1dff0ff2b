package dev.reckon.reports.measurements;

import dev.reckon.api.Metric;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.Result;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.stats.SeedInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One number of a leaderboard: a metric of a model on a task level at an iteration count, averaged
 * over the run's seeds. With one seed its interval is the one in results.csv; with several, Student's
 * t over the seeds' values ({@link SeedInterval}), widened where needed to the seeds' own intervals
 * on average, and clipped to [0, 1] for a metric the manifest measures as a {@linkplain
 * Metric#FRACTION fraction}: the interval is about the mean, which cannot leave [0, 1], but
 * Student's t knows no range and reaches beyond it when a few seeds disagree (3 seeds of 0.05, 0.1
 * and 0.2 give 0.117 [-0.073, 0.306]). A metric of another unit, or of a run without a manifest,
 * has no range known here and keeps its interval.
 */
public record Measurement(String model, String task, String trainLevel, String evalLevel, double evalDifficulty,
    int iterations, String metric, double value, double ciLow, double ciHigh, int seeds) {
  /** Where a measurement sits in the results, seeds aside. */
  public record Key(String model, String task, String trainLevel, String evalLevel, int iterations, String metric) {}

  public Key key() {
    return new Key(model, task, trainLevel, evalLevel, iterations, metric);
  }

  /** The run's results averaged over seeds, in the order they first appear. */
  public static Map<Key, Measurement> of(RunResults run) {
    Map<Key, List<Result>> bySeed = run.results().stream().collect(Collectors.groupingBy(
        r -> new Key(r.model(), r.task(), r.trainLevel(), r.evalLevel(), r.iterations(), r.metric()),
        LinkedHashMap::new, Collectors.toCollection(ArrayList::new)));
    Map<Key, Measurement> measurements = new LinkedHashMap<>();
    bySeed.forEach((key, rows) -> measurements.put(key, average(key, rows, fraction(run, key))));
    return measurements;
  }

  private static boolean fraction(RunResults run, Key key) {
    TaskInfo task = run.tasks().get(key.task());
    return task != null && task.unit(key.metric()).equals(Metric.FRACTION);
  }

  private static Measurement average(Key key, List<Result> rows, boolean fraction) {
    Result first = rows.get(0);
    if (rows.size() == 1) {
      return new Measurement(key.model(), key.task(), key.trainLevel(), key.evalLevel(), first.evalDifficulty(),
          key.iterations(), key.metric(), first.value(), first.ciLow(), first.ciHigh(), 1);
    }
    SeedInterval overSeeds = SeedInterval.of(rows.stream().mapToDouble(Result::value).toArray());
    // Never narrower than the seeds' own intervals on average: seeds that agree exactly still
    // measured each value on a finite sample (1.0 and 0.998 on 500 puzzles are not apart).
    double low = Math.min(overSeeds.low(), rows.stream().mapToDouble(Result::ciLow).average().orElseThrow());
    double high = Math.max(overSeeds.high(), rows.stream().mapToDouble(Result::ciHigh).average().orElseThrow());
    if (fraction) {
      low = Math.max(0, low);
      high = Math.min(1, high);
    }
    double mean = overSeeds.mean();
    return new Measurement(key.model(), key.task(), key.trainLevel(), key.evalLevel(), first.evalDifficulty(),
        key.iterations(), key.metric(), mean, low, high, rows.size());
  }
}
