package dev.reckon.runner;

import dev.reckon.api.TrainingLog.CellStoppedException;

/** Turns exceptions into the one line a person reads in a listing or in cells.csv. */
public final class Errors {
  private Errors() {}

  /** The error and its causes on one line. */
  public static String oneLine(Throwable error) {
    boolean plain = error instanceof CellStoppedException || error.getMessage() == null;
    StringBuilder text = new StringBuilder(plain && error.getMessage() != null ? error.getMessage() : error.toString());
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append(" <- ").append(cause);
    }
    return text.toString().replace('\n', ' ');
  }
}
