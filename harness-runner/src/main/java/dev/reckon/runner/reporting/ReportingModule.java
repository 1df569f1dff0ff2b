package dev.reckon.runner.reporting;

import com.google.inject.AbstractModule;
import dev.reckon.reports.Leaderboards;

/** Reporting: the leaderboards written at the end of every run. */
public final class ReportingModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(RunReporter.class).toInstance(Leaderboards::write);
  }
}
