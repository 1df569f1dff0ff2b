package dev.reckon.plugins.deq;

import static dev.reckon.graphnets.GraphNetworkSettings.FINAL_LEARNING_RATE;
import static dev.reckon.graphnets.GraphNetworkSettings.HIDDEN;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_WIDTH;
import static dev.reckon.plugins.deq.DeqSettings.JACOBIAN_PENALTY;
import static dev.reckon.plugins.deq.DeqSettings.SOLVER_CAP;
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
import dev.reckon.kit.Settings;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeqGnnFactoryTest {
  private static final List<DeqGnnFactory> VARIANTS = List.of(DeqGnnFactory.plain(), DeqGnnFactory.stable());

  @Test
  void eachVariantDeclaresItsOwnPenalty() {
    assertEquals(0.0, defaults(DeqGnnFactory.plain()).get(JACOBIAN_PENALTY));
    assertEquals(DeqGnnFactory.STABLE_PENALTY, defaults(DeqGnnFactory.stable()).get(JACOBIAN_PENALTY));
  }

  @Test
  void defaultsAreTheCpuScale() {
    Settings settings = defaults(DeqGnnFactory.plain());
    assertEquals(64, settings.get(HIDDEN));
    assertEquals(64, settings.get(MESSAGE_WIDTH));
    assertEquals(16, settings.get(SOLVER_CAP));
    assertEquals(0.002 / 20, settings.get(FINAL_LEARNING_RATE));
    assertEquals(settings, DeqSettings.DECLARATIONS.fromJson(settings.toJson()));
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

  private static Settings defaults(DeqGnnFactory factory) {
    return factory.declarations().read(Config.resolve(factory.settings(), Map.of()));
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
