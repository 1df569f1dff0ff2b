package dev.reckon.runner.execution;

import static java.util.Objects.requireNonNull;

/**
 * What a cell's process sends back: the outcome, and for a failure the stack trace behind it (for
 * errors.log), else null.
 */
record CellResult(CellOutcome outcome, String error) {
  CellResult {
    requireNonNull(outcome, "outcome is null");
  }
}
