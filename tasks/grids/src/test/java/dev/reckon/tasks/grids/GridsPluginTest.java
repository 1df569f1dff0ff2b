package dev.reckon.tasks.grids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Config;
import dev.reckon.api.GridDataset;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GridsPluginTest {
  private final GridsPlugin plugin = new GridsPlugin();

  @Test
  void theServiceEntryOffersTwoTasksAndTwoReferences() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream().map(ServiceLoader.Provider::get)
        .filter(GridsPlugin.class::isInstance).toList();
    assertEquals(1, plugins.size());
    assertEquals(ApiVersion.CURRENT, plugins.get(0).apiVersion());
    assertEquals(List.of("maze", "prefix-sums"), plugin.tasks().stream().map(TaskFactory::id).toList());
    assertEquals(List.of("maze-frontier", "parity-ripple"), plugin.models().stream().map(ModelFactory::id).toList());
    plugin.models().forEach(model -> assertFalse(model.learns(), model.id()));
  }

  @Test
  void theReferencesBudgetsSolveTheLargestListedLevelsByDefault() {
    Setting frontierBudget = factory("maze-frontier").settings().get(0);
    assertEquals(2 * 29 * 29 - 2, frontierBudget.defaultValue(), "s59's 29 x 29 rooms and their openings, less one");
    assertEquals("the largest number of frontier expansions; predictions at 1, 2, 4, ... below it, at it, and at the "
        + "count that solves every example if below it; the default reaches the goal of any maze of the largest "
        + "listed level, s59", frontierBudget.description());
    assertEquals(512, factory("parity-ripple").settings().get(0).defaultValue());
    assertEquals("one frontier expansion: every open cell beside the frontier joins it",
        factory("maze-frontier").iterationMeaning());
    assertEquals("one position: the running parity carried one bit further from the left end",
        factory("parity-ripple").iterationMeaning());
  }

  @Test
  void eachReferenceTakesOnlyItsOwnTask() {
    assertEquals(Support.yes(), factory("maze-frontier").supports(create("maze")));
    assertEquals(Support.yes(), factory("parity-ripple").supports(create("prefix-sums")));
    assertEquals(Support.no("maze-frontier expands through the open cells between the start and goal cells of the "
        + "maze task's grids; this task is not the maze task"),
        factory("maze-frontier").supports(create("prefix-sums")));
    assertEquals(Support.no("parity-ripple carries a parity along the bits of the prefix-sums task's strings; this "
        + "task is not the prefix-sums task"), factory("parity-ripple").supports(create("maze")));
  }

  /** The runner hands a model its task behind a proxy of the interface, as here: the references still find theirs. */
  @Test
  void eachReferenceFindsItsTaskBehindAProxy() {
    for (String[] pair : new String[][] {{"maze-frontier", "maze"}, {"parity-ripple", "prefix-sums"}}) {
      Task real = create(pair[1]);
      Task proxy = (Task) Proxy.newProxyInstance(Task.class.getClassLoader(), new Class<?>[] {Task.class},
          (self, method, args) -> method.invoke(real, args));
      ModelFactory factory = factory(pair[0]);
      assertEquals(Support.yes(), factory.supports(proxy), pair[0]);
      GridDataset data = (GridDataset) proxy.generate(proxy.levels().get(0), 5, 1);
      Scored scored = Scored.of(factory, Map.of(), proxy, data);
      int[] counts = scored.predictions().iterations();
      assertEquals(1.0, scored.value(proxy.metrics().get(0).id(), counts[counts.length - 1]), pair[0]);
    }
  }

  @Test
  void aBudgetBelowOneIsRefusedByName() {
    for (String[] pair : new String[][] {{"maze-frontier", "maze"}, {"parity-ripple", "prefix-sums"}}) {
      ModelFactory factory = factory(pair[0]);
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> factory.create(
          new ModelContext(create(pair[1]), Config.resolve(factory.settings(), Map.of("maxSteps", 0)), 1, "cpu")));
      assertEquals("setting 'maxSteps' must be at least 1, got 0", error.getMessage());
    }
  }

  private ModelFactory factory(String id) {
    return plugin.models().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  private Task create(String id) {
    TaskFactory factory = plugin.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    return factory.create(new TaskContext(Config.resolve(factory.settings(), Map.of()), 5));
  }
}
