package dev.reckon.tasks.setgame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Analysis;
import dev.reckon.api.ApiVersion;
import dev.reckon.api.Config;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Setting;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SetGamePluginTest {
  private final TaskFactory set27 = new SetGamePlugin().tasks().get(0);

  @Test
  void theServiceEntryOffersBothDecksAndTheAnalysis() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(SetGamePlugin.class::isInstance)
        .toList();
    assertEquals(1, plugins.size());
    ReckonPlugin plugin = plugins.get(0);
    assertEquals(ApiVersion.CURRENT, plugin.apiVersion());
    assertEquals(List.of("set-27", "set-81"), plugin.tasks().stream().map(TaskFactory::id).toList());
    assertEquals(List.of("1", "1"), plugin.tasks().stream().map(TaskFactory::version).toList());
    assertEquals("SET games on the 81-card deck (4 attributes x 3 values): a query names a subset of the cards,"
        + " and a model scores every card", plugin.tasks().get(1).description());
    // Tokens: 6 joiners, operators and membership marks, a '*' per attribute, 3 values per attribute.
    assertEquals(List.of(new RetrievalFormat(27, 6 + 3 + 3 * 3), new RetrievalFormat(81, 6 + 4 + 4 * 3)),
        plugin.tasks().stream().map(factory -> create(factory, Map.of()).format()).toList());
    assertEquals(List.of("set-game"), plugin.analyses().stream().map(Analysis::id).toList());
  }

  @Test
  void pairsIsDeclaredWithTheDefaultOfTheSeed() {
    assertEquals(List.of(Setting.integer("pairs", 8, "wildcard pairs joined in a union or symdiff query")),
        set27.settings());
    Task task = create(set27, Map.of());
    assertEquals(8 * 7 + 7, unionQueryLength(task));
  }

  @Test
  void pairsSetsTheLengthOfUnionQueriesAndTheirCountOfAnswers() {
    Task three = create(set27, Map.of("pairs", 3));
    // 3 pairs of 7 tokens (card, joiner, card) and the 2 operators between them.
    assertEquals(3 * 7 + 2, unionQueryLength(three));
    assertTrue(three.level("union").description().startsWith("3 wildcard SET pairs joined by union;"),
        three.level("union").description());
    assertTrue(three.level("union").description().contains("every set of at most 3 cards"));
    // The pair games draw the same queries whatever the pairs of a union.
    Task eight = create(set27, Map.of());
    RetrievalDataset set = (RetrievalDataset) three.generate(three.level("set"), 20, 4);
    RetrievalDataset setAtEight = (RetrievalDataset) eight.generate(eight.level("set"), 20, 4);
    assertArrayEquals(setAtEight.queries(), set.queries());
  }

  @Test
  void pairsBelowOneIsRefusedNamingTheSetting() {
    var error = assertThrows(IllegalArgumentException.class, () -> create(set27, Map.of("pairs", 0)));
    assertEquals("setting 'pairs' must be at least 1, got 0", error.getMessage());
  }

  @Test
  void theTaskSeedLeavesTheQueriesToTheDataSeed() {
    Config config = Config.resolve(set27.settings(), Map.of());
    Task first = set27.create(new TaskContext(config, 1));
    Task second = set27.create(new TaskContext(config, 2));
    RetrievalDataset a = (RetrievalDataset) first.generate(first.level("symdiff"), 20, 6);
    RetrievalDataset b = (RetrievalDataset) second.generate(second.level("symdiff"), 20, 6);
    assertArrayEquals(a.queries(), b.queries());
  }

  private static int unionQueryLength(Task task) {
    RetrievalDataset union = (RetrievalDataset) task.generate(task.level("union"), 5, 1);
    return union.queries()[0].length;
  }

  private static Task create(TaskFactory factory, Map<String, ?> given) {
    return factory.create(new TaskContext(Config.resolve(factory.settings(), given), 0));
  }
}
