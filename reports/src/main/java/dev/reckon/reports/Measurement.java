package dev.reckon.reports;

import dev.reckon.reports.RunResults.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One number of a leaderboard: a metric of a model on a task level at an iteration count, averaged
 * over the run's seeds. With one seed its interval is the one in results.csv; with several, a
 * normal interval over the seeds' values.
 */
public record Measurement(String model, String task, String trainLevel, String evalLevel, double evalDifficulty,
    int iterations, String metric, double value, double ciLow, double ciHigh, int seeds) {
  private static final double Z95 = 1.959963984540054;

  /** Where a measurement sits in the results, seeds aside. */
  public record Key(String model, String task, String trainLevel, String evalLevel, int iterations, String metric) {}

  public Key key() {
    return new Key(model, task, trainLevel, evalLevel, iterations, metric);
  }

  /** The results averaged over seeds, in the order they first appear. */
  public static Map<Key, Measurement> of(List<Result> results) {
    Map<Key, List<Result>> bySeed = results.stream().collect(Collectors.groupingBy(
        r -> new Key(r.model(), r.task(), r.trainLevel(), r.evalLevel(), r.iterations(), r.metric()),
        LinkedHashMap::new, Collectors.toCollection(ArrayList::new)));
    Map<Key, Measurement> measurements = new LinkedHashMap<>();
    bySeed.forEach((key, rows) -> measurements.put(key, average(key, rows)));
    return measurements;
  }

  private static Measurement average(Key key, List<Result> rows) {
    Result first = rows.get(0);
    if (rows.size() == 1) {
      return new Measurement(key.model(), key.task(), key.trainLevel(), key.evalLevel(), first.evalDifficulty(),
          key.iterations(), key.metric(), first.value(), first.ciLow(), first.ciHigh(), 1);
    }
    double mean = rows.stream().mapToDouble(Result::value).average().orElseThrow();
    double variance = rows.stream().mapToDouble(r -> (r.value() - mean) * (r.value() - mean)).sum() / (rows.size() - 1);
    double half = Z95 * Math.sqrt(variance / rows.size());
    return new Measurement(key.model(), key.task(), key.trainLevel(), key.evalLevel(), first.evalDifficulty(),
        key.iterations(), key.metric(), mean, mean - half, mean + half, rows.size());
  }
}
