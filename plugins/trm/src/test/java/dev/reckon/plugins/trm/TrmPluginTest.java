package dev.reckon.plugins.trm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Format;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TrmPluginTest {
  private final TrmModelFactory factory = new TrmModelFactory();

  @Test
  void theServiceEntryOffersTrmForEverySudoku() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(TrmPlugin.class::isInstance)
        .toList();
    assertEquals(1, plugins.size());
    assertEquals(ApiVersion.CURRENT, plugins.get(0).apiVersion());
    ModelFactory trm = plugins.get(0).models().get(0);
    assertEquals("trm", trm.id());
    assertTrue(trm.learns());
    for (int side : new int[] {4, 6, 9}) {
      assertTrue(trm.supports(SudokuTask.ofSide(side)).supported());
    }
  }

  @Test
  void declinesGraphsPerExampleSayingWhy() {
    Support support = factory.supports(taskOf(new LabelingFormat(Graphs.PER_EXAMPLE, Constraint.ALL_DIFFERENT, 3)));
    assertFalse(support.supported());
    assertEquals("trm builds its network for one shared graph; this task has a graph per example", support.reason());
  }

  @Test
  void declinesAnotherFormatNamingIt() {
    Support support = factory.supports(taskOf(new SequenceFormat(10, 8, 8)));
    assertFalse(support.supported());
    assertEquals("trm labels the nodes of a graph; this task's format is sequence", support.reason());
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
