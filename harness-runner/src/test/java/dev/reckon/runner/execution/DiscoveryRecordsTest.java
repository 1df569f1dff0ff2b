package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Setting;
import dev.reckon.runner.execution.PlanningAnswers.ModelAnswer;
import dev.reckon.runner.plugins.DescribedAnalysis;
import dev.reckon.runner.plugins.DescribedModel;
import dev.reckon.runner.plugins.DescribedTask;
import dev.reckon.runner.plugins.Plugin;
import dev.reckon.runner.plugins.PluginCatalog;
import dev.reckon.runner.plugins.PluginFailure;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What discovery's process tells the runner crosses as JSON: the runner reads what was sent, and
 * refuses an answer that breaks the rules the loader holds plugins to (a forged one).
 */
class DiscoveryRecordsTest {
  private static final Path JAR = Path.of("plugins", "a.jar").toAbsolutePath();
  private static final PluginCatalog CATALOG = new PluginCatalog(
      List.of(new Plugin(JAR, List.of(new Plugin.Jar(JAR, "ab".repeat(32))))),
      List.of(new DescribedTask("t", "1", "a task", List.of(Setting.integer("n", 3, "n"), Setting.number("x", 0.5, "x"),
          Setting.flag("f", true, "f"), Setting.text("s", "a", "s"), Setting.integers("l", List.of(1, 2), "l"),
          Setting.integer("derived", null, "no default")), JAR)),
      List.of(new DescribedModel("m", "2", "a model", List.of(), "one step", true, false, JAR)),
      List.of(new DescribedAnalysis("an", "an analysis", JAR)),
      List.of(new PluginFailure(JAR, "refused", false), new PluginFailure(JAR, "hung", true)));

  @Test
  void aCatalogAndPlanningsAnswersReadBackAsSent() {
    assertEquals(CATALOG, CellJson.parse(CellJson.line(CATALOG), PluginCatalog.class));

    Level easy = new Level("easy", 1, "the easy one");
    Level file = new Level("file:/data/puzzles.txt", Double.NaN, "a file of puzzles");
    PlanningAnswers answers = new PlanningAnswers(
        List.of(new MadeTask(Optional.empty(), "labeling", "a grid", List.of(easy),
            List.of(new Metric("accuracy", Metric.Direction.HIGHER_IS_BETTER, Metric.FRACTION, "right answers")),
            Map.of("easy", easy, file.id(), file), Map.of("hard", "no level 'hard'"), true, List.of("bellman-ford")),
            MadeTask.unusable("it declares no levels")),
        Arrays.asList(ModelAnswer.runs(OptionalLong.of(64_000)), ModelAnswer.skipped("reads grids only"),
            ModelAnswer.failed("m's supports() failed"), null),
        List.of(new PluginFailure(JAR, "task t: making it ... ran out of memory", true)));
    assertEquals(answers, CellJson.parse(CellJson.line(answers), PlanningAnswers.class));
  }

  @Test
  void anAnswerWithAnUnsafeIdOrAnOfferingOfNoLoadedPluginIsRefused() {
    String unsafe = CellJson.line(CATALOG).replace("\"id\":\"m\"", "\"id\":\"../m\"");
    UncheckedIOException refused = assertThrows(UncheckedIOException.class,
        () -> CellJson.parse(unsafe, PluginCatalog.class));
    assertTrue(refused.getCause().getMessage().contains("model id '../m' is not a safe name"), refused::getMessage);

    String elsewhere = CellJson.line(CATALOG).replace("\"plugin\":\"" + JAR.toUri(), "\"plugin\":\"file:///other.jar");
    assertThrows(UncheckedIOException.class, () -> CellJson.parse(elsewhere, PluginCatalog.class));

    String usableWithoutLevels = CellJson.line(MadeTask.unusable("x")).replace("\"unusable\":\"x\"", "\"unusable\":null");
    assertThrows(UncheckedIOException.class, () -> CellJson.parse(usableWithoutLevels, MadeTask.class));
  }
}
