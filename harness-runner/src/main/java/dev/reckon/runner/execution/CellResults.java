package dev.reckon.runner.execution;

import java.util.List;

/** What a cell group's process sends back: each cell's {@link CellResult}, in the group's order. */
record CellResults(List<CellResult> results) {
  CellResults {
    results = List.copyOf(results);
  }
}
