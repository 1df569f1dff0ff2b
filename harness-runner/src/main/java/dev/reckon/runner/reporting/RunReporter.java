package dev.reckon.runner.reporting;

import java.nio.file.Path;

/** Writes the derived views of a run (leaderboards) from its run directory alone. */
public interface RunReporter {
  void report(Path runDirectory);
}
