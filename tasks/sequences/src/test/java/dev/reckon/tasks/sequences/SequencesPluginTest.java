package dev.reckon.tasks.sequences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Config;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SequencesPluginTest {
  private final SequencesPlugin plugin = new SequencesPlugin();

  @Test
  void theServiceEntryOffersFiveTasksAndTwoReferences() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream().map(ServiceLoader.Provider::get)
        .filter(SequencesPlugin.class::isInstance).toList();
    assertEquals(1, plugins.size());
    assertEquals(ApiVersion.CURRENT, plugins.get(0).apiVersion());
    assertEquals(List.of("shortest-path", "shortest-path-graphs", "sorting", "copy", "reverse"),
        plugin.tasks().stream().map(TaskFactory::id).toList());
    assertEquals(List.of("bellman-ford", "odd-even-sort"), plugin.models().stream().map(ModelFactory::id).toList());
    plugin.models().forEach(model -> assertEquals(false, model.learns(), model.id()));
  }

  @Test
  void formatsDeclareTheVocabularyAndTheLongestInputAndAnswer() {
    assertEquals(new SequenceFormat(10, 16, 16), create("sorting", Map.of()).format());
    assertEquals(new SequenceFormat(10, 12, 12), create("copy", Map.of()).format());
    assertEquals(new SequenceFormat(3, 12, 12), create("reverse", Map.of("vocabulary", 3)).format());
    Task paths = create("shortest-path", Map.of());
    int longestHops = (int) paths.levels().get(paths.levels().size() - 1).difficulty();
    assertEquals(new SequenceFormat(48, 2, longestHops + 1), paths.format());
  }

  @Test
  void aMapSeedGivesEveryRunSeedOneMapAndNoneAMapPerSeed() {
    TaskFactory factory = plugin.tasks().stream().filter(t -> t.id().equals("shortest-path")).findFirst().orElseThrow();
    Map<String, Integer> oneMap = Map.of("mapSeed", 7);
    Task first = factory.create(new TaskContext(Config.resolve(factory.settings(), oneMap), 5));
    Task second = factory.create(new TaskContext(Config.resolve(factory.settings(), oneMap), 6));
    assertEquals(first.tokenCoordinates().orElseThrow().length, second.tokenCoordinates().orElseThrow().length);
    assertArrayEquals(first.tokenCoordinates().orElseThrow(), second.tokenCoordinates().orElseThrow());
    assertEquals(first.format(), second.format());
    Task ownSeed = factory.create(new TaskContext(Config.resolve(factory.settings(), Map.of()), 6));
    assertFalse(Arrays.deepEquals(second.tokenCoordinates().orElseThrow(), ownSeed.tokenCoordinates().orElseThrow()),
        "without a map seed, the run's task seed draws the map");
  }

  @Test
  void badSettingsAreNamedWithTheReason() {
    assertMessage("setting 'cities' must be at least 2, got 1", () -> create("shortest-path", Map.of("cities", 1)));
    assertMessage("setting 'neighbours' must be between 1 and cities - 1 = 47, got 0",
        () -> create("shortest-path", Map.of("neighbours", 0)));
    assertMessage("setting 'neighbours' must be between 1 and cities - 1 = 4, got 5",
        () -> create("shortest-path", Map.of("cities", 5, "neighbours", 5)));
    assertMessage("the map of 4 cities has no held-out shortest path of 2 roads or more; no level can be made: more "
        + "cities, fewer neighbours or more held out", () -> create("shortest-path", Map.of("cities", 4, "neighbours",
        3)));
    assertMessage("setting 'heldOut' must be at least 0 and below 1, got 1.0",
        () -> create("shortest-path", Map.of("heldOut", 1.0)));
    for (String id : List.of("sorting", "copy", "reverse")) {
      assertMessage("setting 'vocabulary' must be at least 2, got 1", () -> create(id, Map.of("vocabulary", 1)));
    }
    assertMessage("setting 'maxRounds' must be at least 1, got 0",
        () -> model("bellman-ford", "shortest-path", Map.of("maxRounds", 0)));
    assertMessage("setting 'maxPasses' must be at least 1, got 0",
        () -> model("odd-even-sort", "sorting", Map.of("maxPasses", 0)));
  }

  @Test
  void eachReferenceTakesOnlyItsOwnTask() {
    ModelFactory bellmanFord = factory("bellman-ford");
    ModelFactory oddEven = factory("odd-even-sort");
    assertEquals(Support.yes(), bellmanFord.supports(create("shortest-path", Map.of())));
    assertEquals(Support.yes(), oddEven.supports(create("sorting", Map.of())));
    for (String id : List.of("sorting", "copy", "reverse")) {
      assertEquals(Support.no("bellman-ford relaxes the roads of the shortest-path task's map; this task has no map"),
          bellmanFord.supports(create(id, Map.of())));
    }
    for (String id : List.of("shortest-path", "copy", "reverse")) {
      assertEquals(Support.no("odd-even-sort sorts; this task is not the sorting task"),
          oddEven.supports(create(id, Map.of())));
    }
  }

  /** The runner hands a model its task behind a proxy of the interface, as here: the references still find theirs. */
  @Test
  void eachReferenceFindsItsTaskBehindAProxy() {
    for (String[] pair : new String[][] {{"bellman-ford", "shortest-path"}, {"odd-even-sort", "sorting"}}) {
      Task real = create(pair[1], Map.of());
      Task proxy = (Task) Proxy.newProxyInstance(Task.class.getClassLoader(), new Class<?>[] {Task.class},
          (self, method, args) -> method.invoke(real, args));
      ModelFactory factory = factory(pair[0]);
      assertEquals(Support.yes(), factory.supports(proxy), pair[0]);
      var data = proxy.generate(proxy.levels().get(0), 5, 1);
      var predictions = factory.create(new ModelContext(proxy, Config.resolve(factory.settings(), Map.of()), 1, "cpu"))
          .predict(data.withoutAnswers());
      data.check(predictions);
      assertEquals(1.0, proxy.score(data, predictions).stream().filter(s -> s.iterations() == 16)
          .findFirst().orElseThrow().value(), pair[0]);
    }
  }

  private void model(String model, String task, Map<String, ?> settings) {
    ModelFactory factory = factory(model);
    factory.create(new ModelContext(create(task, Map.of()), Config.resolve(factory.settings(), settings), 1, "cpu"));
  }

  private ModelFactory factory(String id) {
    return plugin.models().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  private Task create(String id, Map<String, ?> settings) {
    TaskFactory factory = plugin.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    return factory.create(new TaskContext(Config.resolve(factory.settings(), settings), 5));
  }

  private static void assertMessage(String message, org.junit.jupiter.api.function.Executable executable) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, executable).getMessage());
  }
}
