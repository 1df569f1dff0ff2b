package dev.reckon.runner;

import dev.reckon.api.TrainingLog.CellStoppedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Locale;

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

  /**
   * A file that could not be read or written, as one sentence: what was being done to which file
   * (the message of {@code error}) and the system's reason, e.g. {@code cannot append to
   * runs/r/results.csv: No space left on device}.
   */
  public static String ioFailure(UncheckedIOException error) {
    IOException cause = error.getCause();
    String reason = cause.getMessage();
    if (reason == null || cause instanceof FileSystemException f && f.getReason() == null) {
      // such an exception says what happened by its type alone: NoSuchFileException, "no such file"
      String what = cause.getClass().getSimpleName().replace("Exception", "")
          .replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
      reason = reason == null ? what : reason + " (" + what + ")";
    }
    return error.getMessage() + ": " + reason;
  }
}
