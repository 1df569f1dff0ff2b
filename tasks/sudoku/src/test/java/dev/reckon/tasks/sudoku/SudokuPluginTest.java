package dev.reckon.tasks.sudoku;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Config;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SudokuPluginTest {
  private final List<TaskFactory> factories = new SudokuPlugin().tasks();

  @Test
  void theServiceEntryOffersThreeSidesWithoutSettings() {
    List<ReckonPlugin> plugins = ServiceLoader.load(ReckonPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(SudokuPlugin.class::isInstance)
        .toList();
    assertEquals(1, plugins.size());
    assertEquals(ApiVersion.CURRENT, plugins.get(0).apiVersion());
    assertEquals(List.of("sudoku-4x4", "sudoku-6x6", "sudoku-9x9"), factories.stream().map(TaskFactory::id).toList());
    assertEquals(List.of("1", "1", "1"), factories.stream().map(TaskFactory::version).toList());
    assertEquals("6x6 Sudoku with 2x3 boxes, unique solutions; levels by blanks", factories.get(1).description());
    factories.forEach(factory -> assertEquals(List.of(), factory.settings(), factory.id()));
    var error = assertThrows(IllegalArgumentException.class,
        () -> Config.resolve(factories.get(0).settings(), Map.of("blanks", 5)));
    assertEquals("unknown setting 'blanks'; it takes no settings", error.getMessage());
  }

  @Test
  void eachTaskDeclaresEveryLabelOncePerGroupOnOneSharedGraph() {
    int[] sides = {4, 6, 9};
    for (int i = 0; i < sides.length; i++) {
      Task task = create(factories.get(i), 0);
      assertEquals(new LabelingFormat(Graphs.SHARED, Constraint.EVERY_LABEL_ONCE, sides[i]), task.format());
    }
    assertEquals("labeling: 9 labels, one shared graph, groups hold every label exactly once",
        create(factories.get(2), 0).format().describe());
  }

  @Test
  void theTaskSeedLeavesThePuzzlesToTheDataSeed() {
    Task first = create(factories.get(1), 1);
    Task second = create(factories.get(1), 2);
    LabelingDataset a = (LabelingDataset) first.generate(first.level("b12"), 10, 42);
    LabelingDataset b = (LabelingDataset) second.generate(second.level("b12"), 10, 42);
    LabelingDataset direct = SudokuTask.ofSide(6).generate(SudokuTask.ofSide(6).level("b12"), 10, 42);
    assertArrayEquals(direct.givens(), a.givens());
    assertArrayEquals(direct.givens(), b.givens());
    assertArrayEquals(direct.solutions(), b.solutions());
  }

  private static Task create(TaskFactory factory, long seed) {
    return factory.create(new TaskContext(Config.resolve(factory.settings(), Map.of()), seed));
  }
}
