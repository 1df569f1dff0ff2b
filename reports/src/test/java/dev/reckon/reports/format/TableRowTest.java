package dev.reckon.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunFormat.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRowTest {
  @Test
  void valuesComeInTheTablesColumnOrderWhateverOrderTheyWereSetIn() {
    TableRow row = new TableRow(Table.TRAINING).set(Column.WALL_SECONDS, "1.5").set(Column.VALUE, "0.25")
        .set(Column.METRIC, "loss").set(Column.UPDATE, 10).set(Column.SEED, 1L).set(Column.TRAIN_LEVEL, "b6")
        .set(Column.TASK, "sudoku-4x4").set(Column.MODEL, "rrn");
    assertEquals(List.of("rrn", "sudoku-4x4", "b6", 1L, 10, "loss", "0.25", "1.5"), row.values());
  }

  @Test
  void aColumnTheTableLacksAColumnSetTwiceOrOneLeftOutIsRefused() {
    assertEquals("training.csv has no column eval_level", assertThrows(IllegalArgumentException.class,
        () -> new TableRow(Table.TRAINING).set(Column.EVAL_LEVEL, "b6")).getMessage());
    assertEquals("the row of results.csv has a value for model already", assertThrows(IllegalArgumentException.class,
        () -> new TableRow(Table.RESULTS).set(Column.MODEL, "rrn").set(Column.MODEL, "deq-gnn")).getMessage());
    TableRow partial = new TableRow(Table.TRAINING).set(Column.MODEL, "rrn").set(Column.TASK, "sudoku-4x4")
        .set(Column.TRAIN_LEVEL, "b6").set(Column.SEED, 1L).set(Column.UPDATE, 10).set(Column.METRIC, "loss");
    assertEquals("the row of training.csv has no value for value, wall_seconds",
        assertThrows(IllegalStateException.class, partial::values).getMessage());
  }
}
