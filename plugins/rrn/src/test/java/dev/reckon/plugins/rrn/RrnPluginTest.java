package dev.reckon.plugins.rrn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RrnPluginTest {
  @Test
  void theServiceEntryOffersRrnForSudoku() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(RrnPlugin.class::isInstance)
        .toList();
    assertEquals(1, plugins.size());
    assertEquals(ApiVersion.CURRENT, plugins.get(0).apiVersion());
    ModelFactory factory = plugins.get(0).models().get(0);
    assertEquals("rrn", factory.id());
    assertTrue(factory.learns());
    assertTrue(factory.supports(SudokuTask.ofSide(6)));
  }
}
