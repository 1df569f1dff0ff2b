package dev.reckon.tasks.grids;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GridsPluginTest {
  private final GridsPlugin plugin = new GridsPlugin();

  @Test
  void theServiceEntryOffersTheMazeAndPrefixSums() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream().map(ServiceLoader.Provider::get)
        .filter(GridsPlugin.class::isInstance).toList();
    assertEquals(1, plugins.size());
    assertEquals(ApiVersion.CURRENT, plugins.get(0).apiVersion());
    assertEquals(List.of("maze", "prefix-sums"), plugin.tasks().stream().map(TaskFactory::id).toList());
  }
}
