package dev.reckon.plugins.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Config;
import dev.reckon.api.Format;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.Settings;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
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
    Task sudoku = taskOf(new LabelingFormat(Graphs.SHARED, Constraint.EVERY_LABEL_ONCE, 4));
    for (ModelFactory model : new RetrievalPlugin().models()) {
      assertEquals(Support.yes(), model.supports(taskOf(new RetrievalFormat(27, 12))), model.id());
      Support declined = model.supports(sudoku);
      assertFalse(declined.supported(), model.id());
      assertEquals(model.id() + " scores the keys of a retrieval task; this task's format is labeling",
          declined.reason());
      assertTrue(model.learns(), model.id());
    }
  }

  /** The CPU defaults of each family, as they were before settings were declared. */
  @Test
  void eachFamilyDeclaresItsOwnDefaults() {
    assertEquals("{width=64, layers=2, heads=4, feedForward=128, updates=1000, batchSize=64, learningRate=0.003,"
        + " warmup=100, logEvery=50, segment=0, segmentLayers=1, answerTargets=false}",
        defaults(new ContrastiveFactory(27)).toString());
    assertEquals("{width=64, layers=1, heads=4, feedForward=128, updates=300, batchSize=16, learningRate=0.003,"
        + " warmup=30, logEvery=25, segment=0, segmentLayers=1, answerTargets=false}",
        defaults(new CrossEncoderFactory()).toString());
  }

  @Test
  void theFeedForwardSizeFollowsTheWidthUnlessSet() {
    RetrievalFactory factory = new ContrastiveFactory(27);
    assertEquals(256, read(factory, Map.of("width", 128)).get(RetrievalSettings.FEED_FORWARD));
    assertEquals(100, read(factory, Map.of("width", 128, "feedForward", 100)).get(RetrievalSettings.FEED_FORWARD));
  }

  private static Settings defaults(RetrievalFactory factory) {
    return read(factory, Map.of());
  }

  private static Settings read(RetrievalFactory factory, Map<String, ?> given) {
    return factory.declarations().read(Config.resolve(factory.settings(), given));
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
