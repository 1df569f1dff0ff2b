package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.runner.UsageException;
import dev.reckon.runner.execution.DiscoveryProcess;
import dev.reckon.runner.execution.PlannedCell;
import dev.reckon.runner.execution.RunPlanner;
import dev.reckon.runner.execution.Sandbox;
import dev.reckon.runner.plugins.PluginCatalog;
import dev.reckon.runner.suites.Suite;
import dev.reckon.runner.suites.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in suite, and the example suite file of docs/suites-and-runs.md, plans against the
 * built-in plugins without a usage error, a missing id or an unusable task: a mistake in the {@code full} suite
 * would otherwise surface only on a GPU machine, hours into its run. Planning makes the tasks and
 * asks each model whether it supports them, in planning's process; it trains nothing.
 */
class BuiltInSuitesTest {
  private static final DiscoveryProcess DISCOVERY = new DiscoveryProcess(Sandbox.off(), Duration.ofSeconds(60));

  @Test
  void everyBuiltInSuitePlansOnTheBuiltInPlugins() {
    PluginCatalog catalog = catalog();
    assertTrue(catalog.failures().isEmpty(), catalog.failures()::toString);
    for (String name : SuiteLoader.BUILT_IN) {
      RunPlanner.Plan plan = new RunPlanner().plan(new SuiteLoader().load(name), catalog, DISCOVERY);
      assertTrue(plan.missing().isEmpty(), name + ": " + plan.missing());
      assertTrue(plan.unusable().isEmpty(), name + ": " + plan.unusable());
      assertFalse(plan.cells().stream().allMatch(cell -> cell.skip().isPresent()), name + " runs no cell");
      assertTrue(plan.cells().stream().allMatch(cell -> cell.failure().isEmpty()), name);
    }
  }

  /** The docs' example suite file, taken from docs/suites-and-runs.md, plans too: the example cannot rot. */
  @Test
  void theDocsSuiteFilePlansOnTheBuiltInPlugins(@TempDir Path work) throws IOException {
    String page = Files.readString(Cli.ROOT.resolve("docs/suites-and-runs.md"));
    Matcher example = Pattern.compile("A suite file:\\n\\n```yaml\\n(.*?)```", Pattern.DOTALL).matcher(page);
    assertTrue(example.find(), "docs/suites-and-runs.md shows a suite file");
    Path file = Files.writeString(work.resolve("my-suite.yaml"), example.group(1));
    RunPlanner.Plan plan = new RunPlanner().plan(new SuiteLoader().load(file.toString()), catalog(), DISCOVERY);
    assertTrue(plan.missing().isEmpty() && plan.unusable().isEmpty(), plan.missing() + " " + plan.unusable());
    assertTrue(plan.cells().stream().allMatch(cell -> cell.failure().isEmpty()), plan.cells()::toString);
    assertEquals(List.of(64, 16), plan.cells().stream().filter(cell -> cell.model().id().equals("propagation"))
        .filter(cell -> cell.seed() == 1).map(cell -> cell.config().getInt("maxRounds")).toList(),
        "propagation's two entries, each with its settings");
  }

  /** `--models oracle,uniform` on a suite whose task entries set model settings that neither takes. */
  @Test
  void narrowingToModelsThatTakeNoneOfAnEntrysModelSettingsIsNoMistake() {
    PluginCatalog catalog = catalog();
    for (String name : List.of("quick", "default")) {
      Suite narrowed = new RunPlanner().narrow(new SuiteLoader().load(name), catalog,
          new RunPlanner.Selection(List.of("oracle", "uniform"), List.of(), null));
      assertTrue(narrowed.tasks().stream().allMatch(entry -> entry.modelConfig().isEmpty()), name);
      RunPlanner.Plan plan = new RunPlanner().plan(narrowed, catalog, DISCOVERY);
      assertTrue(plan.cells().stream().anyMatch(cell -> cell.skip().isEmpty()), name);
    }
  }

  /** A setting no model of the suite declares is a typo, whichever models the command line keeps. */
  @Test
  void aModelSettingNoModelOfTheSuiteDeclaresIsATypoEvenWhenNarrowed(@TempDir Path work) throws IOException {
    Path file = Files.writeString(work.resolve("typo.yaml"), "name: typo\ntasks:\n  - id: sudoku-4x4\n"
        + "    modelConfig: {stepz: 4}\nmodels:\n  - id: rrn\n  - id: oracle\n");
    UsageException refused = assertThrows(UsageException.class, () -> new RunPlanner().narrow(
        new SuiteLoader().load(file.toString()), catalog(), new RunPlanner.Selection(List.of("oracle"), List.of(), null)));
    assertTrue(refused.getMessage().startsWith("modelConfig of task entry sudoku-4x4 sets 'stepz', which none of its "
        + "models declares"), refused::getMessage);
  }

  /**
   * A model entry's configOn is over the task entry's modelConfig: on the default suite's shatter
   * entry the encoders take its 800 updates and the cross-encoder keeps its own 300.
   */
  @Test
  void aModelsSettingsOnATaskAreOverTheTaskEntrys() {
    RunPlanner.Plan plan = new RunPlanner().plan(new SuiteLoader().load("default"), catalog(), DISCOVERY);
    Map<String, Integer> updatesOnShatter = plan.cells().stream()
        .filter(cell -> cell.train().id().equals("shatter") && cell.seed() == 1 && cell.config().has("updates"))
        .collect(Collectors.toMap(cell -> cell.model().id(), cell -> cell.config().getInt("updates")));
    assertEquals(300, updatesOnShatter.get("cross-encoder"), updatesOnShatter::toString);
    assertEquals(800, updatesOnShatter.get("contrastive-d4"), updatesOnShatter::toString);
  }

  private static PluginCatalog catalog() {
    return DISCOVERY.catalog(List.of(Cli.DISTRIBUTION.resolve("plugins")));
  }

  /** The full suite sets the progressive loss's weight per task, as the paper did, by two entries of one model. */
  @Test
  void theFullSuiteWeighsTheProgressiveLossPerTask() {
    RunPlanner.Plan plan = new RunPlanner().plan(new SuiteLoader().load("full"), catalog(), DISCOVERY);
    Map<String, List<Double>> alphaByTask = plan.cells().stream()
        .filter(cell -> cell.model().id().equals("dt-net-recall-progressive") && cell.skip().isEmpty())
        .collect(Collectors.groupingBy(cell -> cell.task().id(),
            Collectors.mapping((PlannedCell cell) -> cell.config().getDouble("alpha"), Collectors.toList())));
    assertEquals(Map.of("maze", List.of(0.01, 0.01, 0.01), "prefix-sums", List.of(1.0, 1.0, 1.0)), alphaByTask);
  }
}
