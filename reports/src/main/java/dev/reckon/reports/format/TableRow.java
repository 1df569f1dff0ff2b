package dev.reckon.reports.format;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunFormat.Table;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a run directory's table, written value by value under its column's name, so that no
 * value can land in another's place: a value for a column the table does not have, a column given
 * twice, or a column left out is refused before anything is written. An absent value is an empty
 * string.
 */
public final class TableRow {
  private final Table table;
  private final Map<Column, Object> values = new EnumMap<>(Column.class);

  public TableRow(Table table) {
    this.table = requireNonNull(table, "table is null");
  }

  public Table table() {
    return table;
  }

  /**
   * Sets the value of {@code column}, written as its {@code toString()}.
   *
   * @throws IllegalArgumentException when the table has no such column, or the row has its value
   */
  public TableRow set(Column column, Object value) {
    requireNonNull(column, "column is null");
    requireNonNull(value, "value is null");
    if (!table.columns().contains(column)) {
      throw new IllegalArgumentException(table.file() + " has no column " + column.id());
    }
    if (values.putIfAbsent(column, value) != null) {
      throw new IllegalArgumentException("the row of " + table.file() + " has a value for " + column.id() + " already");
    }
    return this;
  }

  /**
   * The values in the table's column order.
   *
   * @throws IllegalStateException naming the columns without a value
   */
  public List<Object> values() {
    List<String> missing = table.columns().stream().filter(column -> !values.containsKey(column)).map(Column::id)
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the row of " + table.file() + " has no value for " + String.join(", ", missing));
    }
    return table.columns().stream().map(values::get).toList();
  }
}
