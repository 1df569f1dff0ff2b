package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.runner.execution.PlannedCell;
import dev.reckon.runner.execution.RunPlanner;
import dev.reckon.runner.plugins.PluginLoader;
import dev.reckon.runner.plugins.PluginRegistry;
import dev.reckon.runner.suites.SuiteLoader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every built-in suite plans against the built-in plugins without a usage error, a missing id or an
 * unusable task: a mistake in the {@code full} suite would otherwise surface only on a GPU machine,
 * hours into its run. Planning makes the tasks and asks each model whether it supports them; it
 * trains nothing.
 */
class BuiltInSuitesTest {
  @Test
  void everyBuiltInSuitePlansOnTheBuiltInPlugins() {
    PluginRegistry registry = new PluginLoader().load(List.of(Cli.DISTRIBUTION.resolve("plugins")));
    assertTrue(registry.failures().isEmpty(), registry.failures()::toString);
    for (String name : SuiteLoader.BUILT_IN) {
      RunPlanner.Plan plan = new RunPlanner().plan(new SuiteLoader().load(name), registry);
      assertTrue(plan.missing().isEmpty(), name + ": " + plan.missing());
      assertTrue(plan.unusable().isEmpty(), name + ": " + plan.unusable());
      assertFalse(plan.cells().stream().allMatch(cell -> cell.skip().isPresent()), name + " runs no cell");
      assertTrue(plan.cells().stream().allMatch(cell -> cell.failure().isEmpty()), name);
    }
  }

  /** The full suite sets the progressive loss's weight per task, as the paper did, by two entries of one model. */
  @Test
  void theFullSuiteWeighsTheProgressiveLossPerTask() {
    PluginRegistry registry = new PluginLoader().load(List.of(Cli.DISTRIBUTION.resolve("plugins")));
    RunPlanner.Plan plan = new RunPlanner().plan(new SuiteLoader().load("full"), registry);
    Map<String, List<Double>> alphaByTask = plan.cells().stream()
        .filter(cell -> cell.model().id().equals("dt-net-recall-progressive") && cell.skip().isEmpty())
        .collect(Collectors.groupingBy(cell -> cell.task().id(),
            Collectors.mapping((PlannedCell cell) -> cell.config().getDouble("alpha"), Collectors.toList())));
    assertEquals(Map.of("maze", List.of(0.01, 0.01, 0.01), "prefix-sums", List.of(1.0, 1.0, 1.0)), alphaByTask);
  }
}
