package dev.reckon.plugins.rrn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Format;
import dev.reckon.api.GridFormat;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RrnPluginTest {
  private final RrnModelFactory factory = new RrnModelFactory();

  @Test
  void theServiceEntryOffersRrnForSudoku() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(RrnPlugin.class::isInstance)
        .toList();
    assertEquals(1, plugins.size());
    assertEquals(ApiVersion.CURRENT, plugins.get(0).apiVersion());
    ModelFactory rrn = plugins.get(0).models().get(0);
    assertEquals("rrn", rrn.id());
    assertTrue(rrn.learns());
    assertTrue(rrn.supports(SudokuTask.ofSide(6)).supported());
  }

  /** The network learns what a group demands from the data, so the declared constraint does not matter. */
  @Test
  void supportsLabelingOnASharedGraphWhateverTheConstraint() {
    for (Constraint constraint : Constraint.values()) {
      assertEquals(Support.yes(), factory.supports(taskOf(new LabelingFormat(Graphs.SHARED, constraint, 4))));
    }
  }

  @Test
  void takesAGraphPerExample() {
    Support support = factory.supports(taskOf(new LabelingFormat(Graphs.PER_EXAMPLE, Constraint.RELATION, 2)));
    assertEquals(Support.yes(), support);
  }

  @Test
  void takesGridsAsTheirLattices() {
    assertEquals(Support.yes(), factory.supports(taskOf(new GridFormat(2, 3, 2))));
    assertEquals(Support.yes(), factory.supports(taskOf(new GridFormat(1, 1, 2))));
  }

  @Test
  void declinesAnotherFormatNamingIt() {
    Support support = factory.supports(taskOf(new RetrievalFormat(27, 12)));
    assertFalse(support.supported());
    assertEquals("rrn labels the nodes of a graph; this task's format is retrieval", support.reason());
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
