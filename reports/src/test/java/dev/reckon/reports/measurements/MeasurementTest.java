package dev.reckon.reports.measurements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.reports.format.RunResults.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A measurement over seeds: Student's t on the seeds' values, never narrower than their own intervals. */
class MeasurementTest {
  @Test
  void threeSeedsGiveStudentsIntervalNotTheNormals() {
    Measurement measurement = only(List.of(result(1, 0.6, 0.55, 0.65), result(2, 0.7, 0.65, 0.75),
        result(3, 0.8, 0.75, 0.85)));

    // t(0.975, 2) 0.1 / sqrt(3) = 0.2484137711843753 (the normal's would be 0.113).
    assertEquals(0.7, measurement.value(), 1e-15);
    assertEquals(0.7 - 0.2484137711843753, measurement.ciLow(), 1e-9);
    assertEquals(0.7 + 0.2484137711843753, measurement.ciHigh(), 1e-9);
    assertEquals(3, measurement.seeds());
  }

  @Test
  void seedsThatAgreeKeepTheirOwnSamplingInterval() {
    Measurement measurement = only(List.of(result(1, 1.0, 0.992, 1.0), result(2, 1.0, 0.992, 1.0)));

    assertEquals(0.992, measurement.ciLow(), 1e-15);
    assertEquals(1.0, measurement.ciHigh(), 1e-15);
  }

  private static Measurement only(List<Result> results) {
    return Measurement.of(results).values().iterator().next();
  }

  private static Result result(long seed, double value, double low, double high) {
    return new Result("rrn", "sudoku-6x6", "b16", "b20", 20, 8, "puzzle_accuracy", seed, value, 500, low, high);
  }
}
