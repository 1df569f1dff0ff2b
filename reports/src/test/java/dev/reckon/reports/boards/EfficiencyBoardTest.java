package dev.reckon.reports.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.TrainingLog;
import dev.reckon.reports.format.Fixtures;
import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture's rrn trains 200 updates in 12.5 s and its deq-gnn in 6.25 s (curves logged every 25
 * updates); deq-gnn crosses 0.9 at update 125 (4.688 s), rrn at update 175 (10.5 s).
 */
class EfficiencyBoardTest {
  @TempDir Path work;

  @Test
  void comparesTimeToTargetAccuracyAtEqualTimeAndMemory() {
    Board board = EfficiencyBoard.build(Fixtures.read(Fixtures.SUDOKU, work));

    assertEquals(List.of("deq-gnn", "rrn"), board.rows().stream().map(r -> r.get(2)).toList(), "fastest first");
    Map<String, Object> deq = row(board, 0);
    Map<String, Object> rrn = row(board, 1);
    assertEquals(125L, ((Number) deq.get("updates_to_target")).longValue());
    assertEquals(4.688, (double) deq.get("seconds_to_target"), 1e-9);
    assertEquals(175L, ((Number) rrn.get("updates_to_target")).longValue());
    assertEquals(6.25, (double) rrn.get("equal_time_seconds"), 1e-9);
    // rrn's last point by 6.25 s is the one at 6.0 s (update 100)
    assertEquals(0.7603, (double) rrn.get("at_equal_time"), 1e-9);
    assertEquals(0.9676, (double) deq.get("at_equal_time"), 1e-9);
    assertEquals(41.5 / 9.25, (double) rrn.get("memory_ratio"), 1e-9);
    assertEquals(2.0, (double) rrn.get("time_ratio"), 1e-9);
    assertEquals("", rrn.get("collapse_update"));
  }

  /** The rrn on mazes logs its share of mazes solved, not path accuracy by name: the board reads that. */
  @Test
  void aCurveWithoutTheTasksPrimaryMetricIsReadByItsExactAnswers() {
    RunResults run = new RunBuilder("mazes").curve("rrn", "maze", "s9", TrainingLog.EXAMPLE_ACCURACY, 50, 2.0,
        0.1, 0.5, 0.92, 0.95).curve("rrn", "maze", "s9", TrainingLog.LOSS, 50, 2.0, 0.5, 0.3, 0.1, 0.05).read(work);

    Map<String, Object> rrn = row(EfficiencyBoard.build(run), 0);
    assertEquals(TrainingLog.EXAMPLE_ACCURACY, rrn.get("metric"));
    assertEquals(100L, ((Number) rrn.get("updates_to_target")).longValue());
    assertEquals(4.0, (double) rrn.get("seconds_to_target"), 1e-9);
  }

  private static Map<String, Object> row(Board board, int index) {
    List<Object> row = board.rows().get(index);
    return IntStream.range(0, row.size()).boxed()
        .collect(Collectors.toMap(board.header()::get, row::get));
  }
}
