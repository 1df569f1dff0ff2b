package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.Plugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Cells start costliest first, so that the last to start are short; ties keep the plan's order. */
class RunExecutorTest {
  private static final Plugin PLUGIN = new Plugin(Path.of("test.jar"), List.of(), RunExecutorTest.class.getClassLoader());
  private static final Level LEVEL = new Level("b1", 1, "one level");

  @Test
  void theCostliestCellsStartFirstAndTiesKeepThePlanOrder() {
    PlannedCell baseline = cell("baseline", false, Map.of());
    PlannedCell small = cell("small", true, Map.of("updates", 10, "batchSize", 8));
    PlannedCell large = cell("large", true, Map.of("updates", 1000, "batchSize", 64));
    PlannedCell otherBaseline = cell("other-baseline", false, Map.of());

    assertEquals(List.of("large", "small", "baseline", "other-baseline"),
        RunExecutor.longestFirst(List.of(baseline, small, large, otherBaseline)).stream()
            .map(cell -> cell.model().id()).toList());
  }

  private static PlannedCell cell(String model, boolean learns, Map<String, ?> config) {
    ModelFactory factory = new ModelFactory() {
      @Override
      public String id() {
        return model;
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Support supports(Task task) {
        return Support.yes();
      }

      @Override
      public boolean learns() {
        return learns;
      }

      @Override
      public OptionalLong trainingWork(Config config) {
        return OptionalLong.of((long) config.getInt("updates") * config.getInt("batchSize"));
      }

      @Override
      public Model create(ModelContext context) {
        throw new UnsupportedOperationException("only planned");
      }
    };
    TaskFactory task = new TaskFactory() {
      @Override
      public String id() {
        return "task";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Task create(TaskContext context) {
        throw new UnsupportedOperationException("only planned");
      }
    };
    return new PlannedCell(new DiscoveredModel(factory, PLUGIN), new DiscoveredTask(task, PLUGIN), null,
        Config.empty(), 0, new Config(config), LEVEL, List.of(LEVEL), 100, 50, List.of(), 1, Optional.empty(),
        Optional.empty());
  }
}
