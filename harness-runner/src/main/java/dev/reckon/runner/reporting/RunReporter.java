package dev.reckon.runner.reporting;

import java.nio.file.Path;

/** Writes the derived views of a run (leaderboards, report) from its run directory alone. */
public interface RunReporter {
  /** The report's folder in the run directory. */
  String FOLDER = "report";

  void report(Path runDirectory);
}
