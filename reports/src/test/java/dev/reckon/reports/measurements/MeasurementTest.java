package dev.reckon.reports.measurements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.Metric;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.Result;
import dev.reckon.reports.format.RunResults.TaskInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A measurement over seeds: Student's t on the seeds' values, never narrower than their own
 * intervals, and within [0, 1] for a fraction.
 */
class MeasurementTest {
  @Test
  void threeSeedsGiveStudentsIntervalNotTheNormals() {
    Measurement measurement = only(Metric.FRACTION, List.of(result(1, 0.6, 0.55, 0.65), result(2, 0.7, 0.65, 0.75),
        result(3, 0.8, 0.75, 0.85)));

    // t(0.975, 2) 0.1 / sqrt(3) = 0.2484137711843753 (the normal's would be 0.113).
    assertEquals(0.7, measurement.value(), 1e-15);
    assertEquals(0.7 - 0.2484137711843753, measurement.ciLow(), 1e-9);
    assertEquals(0.7 + 0.2484137711843753, measurement.ciHigh(), 1e-9);
    assertEquals(3, measurement.seeds());
  }

  @Test
  void seedsThatAgreeKeepTheirOwnSamplingInterval() {
    Measurement measurement = only(Metric.FRACTION, List.of(result(1, 1.0, 0.992, 1.0), result(2, 1.0, 0.992, 1.0)));

    assertEquals(0.992, measurement.ciLow(), 1e-15);
    assertEquals(1.0, measurement.ciHigh(), 1e-15);
  }

  @Test
  void theIntervalOfAFractionStaysWithinZeroAndOne() {
    List<Result> seeds = List.of(result(1, 0.05, 0.0, 0.1), result(2, 0.1, 0.05, 0.15), result(3, 0.2, 0.15, 0.25));
    // t(0.975, 2) sd / sqrt(3), sd = 0.0763762615825973 of 0.05, 0.1, 0.2: 0.1897291516869733.
    double half = 0.1897291516869733;
    double mean = 0.35 / 3;

    Measurement fraction = only(Metric.FRACTION, seeds);
    assertEquals(mean, fraction.value(), 1e-15);
    assertEquals(0, fraction.ciLow(), "not " + (mean - half));
    assertEquals(mean + half, fraction.ciHigh(), 1e-9);

    Measurement nats = only("nats", seeds);
    assertEquals(mean - half, nats.ciLow(), 1e-9, "a unit of no known range keeps Student's interval");
    assertEquals(mean + half, nats.ciHigh(), 1e-9);
  }

  /** The one measurement of {@code results}, their metric measured in {@code unit}. */
  private static Measurement only(String unit, List<Result> results) {
    TaskInfo task = new TaskInfo("sudoku-6x6", "labeling", "puzzle_accuracy", Map.of("puzzle_accuracy", true),
        Map.of("puzzle_accuracy", unit), List.of("b16", "b20"), true, List.of());
    RunResults run = new RunResults(Path.of("run"), "run", Map.of(), results, List.of(), List.of(), List.of(),
        List.of(), Map.of(task.id(), task), Map.of(), Set.of());
    return Measurement.of(run).values().iterator().next();
  }

  private static Result result(long seed, double value, double low, double high) {
    return new Result("rrn", "sudoku-6x6", "b16", "b20", 20, 8, "puzzle_accuracy", seed, value, 500, low, high);
  }
}
