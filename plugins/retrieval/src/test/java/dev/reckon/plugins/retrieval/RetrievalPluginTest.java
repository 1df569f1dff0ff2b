package dev.reckon.plugins.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Format;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Task;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RetrievalPluginTest {
  @Test
  void serviceLoaderFindsThePlugin() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(RetrievalPlugin.class::isInstance)
        .toList();
    assertEquals(1, plugins.size());
    assertEquals(ApiVersion.CURRENT, plugins.get(0).apiVersion());
  }

  @Test
  void offersEveryDimensionAndTheCrossEncoder() {
    List<String> ids = new RetrievalPlugin().models().stream().map(ModelFactory::id).toList();
    assertEquals(List.of("contrastive-d4", "contrastive-d8", "contrastive-d16", "contrastive-d20",
        "contrastive-d27", "contrastive-d64", "contrastive-d512", "cross-encoder"), ids);
  }

  @Test
  void supportsRetrievalTasksOnly() {
    for (ModelFactory model : new RetrievalPlugin().models()) {
      assertTrue(model.supports(taskOf(Format.RETRIEVAL)), model.id());
      assertFalse(model.supports(taskOf(Format.LABELING)), model.id());
      assertTrue(model.learns(), model.id());
    }
  }

  private static Task taskOf(Format format) {
    return (Task) Proxy.newProxyInstance(Task.class.getClassLoader(), new Class<?>[] {Task.class},
        (proxy, method, args) -> {
          if (method.getName().equals("format")) {
            return format;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
