package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.runner.plugins.DescribedModel;
import dev.reckon.runner.plugins.DescribedTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Cells start costliest first, so that the last to start are short; ties keep the plan's order. */
class RunExecutorTest {
  private static final Path PLUGIN = Path.of("test.jar");
  private static final Level LEVEL = new Level("b1", 1, "one level");

  @Test
  void theCostliestCellsStartFirstAndTiesKeepThePlanOrder() {
    PlannedCell baseline = cell("baseline", false, Map.of());
    PlannedCell small = cell("small", true, Map.of("updates", 10, "batchSize", 8));
    PlannedCell large = cell("large", true, Map.of("updates", 1000, "batchSize", 64));
    PlannedCell otherBaseline = cell("other-baseline", false, Map.of());

    assertEquals(List.of("large", "small", "baseline", "other-baseline"),
        RunExecutor.longestFirst(CellGroup.of(List.of(baseline, small, large, otherBaseline), true)).stream()
            .map(group -> group.first().model().id()).toList());
  }

  @Test
  void theSeedsOfACellShareAGroupUnlessSeedBatchingIsOff() {
    Map<String, Integer> config = Map.of("updates", 10, "batchSize", 8);
    PlannedCell one = cell("rrn", true, config, 1, Optional.empty());
    PlannedCell other = cell("deq", true, config, 1, Optional.empty());
    PlannedCell two = cell("rrn", true, config, 2, Optional.empty());
    PlannedCell otherSettings = cell("rrn", true, Map.of("updates", 20, "batchSize", 8), 3, Optional.empty());
    PlannedCell declined = cell("rrn", true, config, 4, Optional.of("not this task"));

    List<CellGroup> groups = CellGroup.of(List.of(one, other, two, otherSettings, declined), true);

    assertEquals(List.of(List.of(one, two), List.of(other), List.of(otherSettings), List.of(declined)),
        groups.stream().map(CellGroup::cells).toList());
    assertEquals(5, CellGroup.of(List.of(one, other, two, otherSettings, declined), false).size());
    assertEquals("rrn x task (train b1, seeds 1 2)", groups.get(0).toString());
  }

  private static PlannedCell cell(String model, boolean learns, Map<String, ?> config) {
    return cell(model, learns, config, 1, Optional.empty());
  }

  static PlannedCell cell(String model, boolean learns, Map<String, ?> config, long seed,
      Optional<String> skip) {
    Config settings = new Config(config);
    OptionalLong work = learns ? OptionalLong.of((long) settings.getInt("updates") * settings.getInt("batchSize"))
        : OptionalLong.empty();
    return new PlannedCell(new DescribedModel(model, "1", "", List.of(), "one iteration", learns, false, PLUGIN),
        new DescribedTask("task", "1", "", List.of(), PLUGIN), null, Config.empty(), 0, settings, LEVEL,
        List.of(LEVEL), 100, 50, List.of(), seed, work, skip, Optional.empty());
  }
}
