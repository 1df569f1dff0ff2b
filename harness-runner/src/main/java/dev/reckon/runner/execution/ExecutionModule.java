package dev.reckon.runner.execution;

import com.google.inject.AbstractModule;
import dev.reckon.runner.suites.SuiteLoader;
import java.time.Clock;

/** Planning and running cells: suites, the planner, the executor, and the clock for run ids. */
public final class ExecutionModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(SuiteLoader.class).asEagerSingleton();
    bind(RunPlanner.class).asEagerSingleton();
    bind(RunExecutor.class).asEagerSingleton();
    bind(Clock.class).toInstance(Clock.systemUTC());
  }
}
