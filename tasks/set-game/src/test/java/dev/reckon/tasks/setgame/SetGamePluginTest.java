package dev.reckon.tasks.setgame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.Analysis;
import dev.reckon.api.ApiVersion;
import dev.reckon.api.Format;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Task;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SetGamePluginTest {
  @Test
  void theServiceEntryOffersBothDecksAndTheAnalysis() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(SetGamePlugin.class::isInstance)
        .toList();
    assertEquals(1, plugins.size());
    ReckonPlugin plugin = plugins.get(0);
    assertEquals(ApiVersion.CURRENT, plugin.apiVersion());
    assertEquals(List.of("set-27", "set-81"), plugin.tasks().stream().map(Task::id).toList());
    assertEquals(List.of(Format.RETRIEVAL, Format.RETRIEVAL), plugin.tasks().stream().map(Task::format).toList());
    assertEquals(List.of("set-game"), plugin.analyses().stream().map(Analysis::id).toList());
  }
}
