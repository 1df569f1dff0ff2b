package dev.reckon.runner.reporting;

import com.google.inject.AbstractModule;
import dev.reckon.reports.boards.Leaderboards;
import dev.reckon.reports.render.ReportWriter;
import java.util.List;

/** Reporting: the leaderboards and the report written at the end of every run. */
public final class ReportingModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(RunReporter.class).toInstance(runDirectory -> {
      Leaderboards.write(runDirectory);
      ReportWriter.write(List.of(runDirectory), runDirectory.resolve(RunReporter.FOLDER));
    });
  }
}
