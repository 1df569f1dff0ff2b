package dev.reckon.plugins.deq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.reckon.api.Config;
import dev.reckon.api.Format;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeqGnnFactoryTest {
  private static final List<DeqGnnFactory> VARIANTS = List.of(DeqGnnFactory.plain(), DeqGnnFactory.stable());

  @Test
  void eachVariantDeclaresItsOwnPenalty() {
    assertEquals(0.0, defaults(DeqGnnFactory.plain()).jacobianPenalty());
    assertEquals(DeqGnnFactory.STABLE_PENALTY, defaults(DeqGnnFactory.stable()).jacobianPenalty());
  }

  @Test
  void defaultsAreTheCpuScale() {
    DeqSettings settings = defaults(DeqGnnFactory.plain());
    assertEquals(64, settings.hidden());
    assertEquals(64, settings.messageWidth());
    assertEquals(16, settings.solverCap());
    assertEquals(0.002 / 20, settings.finalLearningRate());
    assertEquals(settings, DeqSettings.fromJson(settings.toJson()));
  }

  @Test
  void supportsLabelingOnASharedGraph() {
    for (DeqGnnFactory factory : VARIANTS) {
      assertEquals(Support.yes(),
          factory.supports(taskOf(new LabelingFormat(Graphs.SHARED, Constraint.EVERY_LABEL_ONCE, 6))), factory.id());
    }
  }

  @Test
  void takesAGraphPerExample() {
    for (DeqGnnFactory factory : VARIANTS) {
      assertEquals(Support.yes(),
          factory.supports(taskOf(new LabelingFormat(Graphs.PER_EXAMPLE, Constraint.RELATION, 2))), factory.id());
    }
  }

  @Test
  void declinesAnotherFormatNamingIt() {
    for (DeqGnnFactory factory : VARIANTS) {
      Support support = factory.supports(taskOf(new RetrievalFormat(27, 12)));
      assertFalse(support.supported());
      assertEquals(factory.id() + " labels the nodes of a graph; this task's format is retrieval", support.reason());
    }
  }

  private static DeqSettings defaults(DeqGnnFactory factory) {
    return DeqSettings.from(Config.resolve(factory.settings(), Map.of()));
  }

  /** A task that only declares its format: support is decided before any data exists. */
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
