package dev.reckon.plugins.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.Dataset;
import dev.reckon.api.Format;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportTest {
  private static final LabelingFormat SUDOKU_LIKE = new LabelingFormat(Graphs.SHARED, Constraint.EVERY_LABEL_ONCE, 9);
  private static final LabelingFormat COLOURING = new LabelingFormat(Graphs.PER_EXAMPLE, Constraint.ALL_DIFFERENT, 3);

  private final PropagationFactory propagation = new PropagationFactory();
  private final UniformFactory uniform = new UniformFactory();
  private final OracleFactory oracle = new OracleFactory();

  @Test
  void propagationTakesSudoku() {
    assertEquals(Support.yes(), propagation.supports(SudokuTask.ofSide(9)));
    assertEquals(Support.yes(), propagation.supports(new DeclaredTask(SUDOKU_LIKE)));
  }

  @Test
  void propagationDeclinesGroupsThatNeedNotHoldEveryLabel() {
    Support allDifferent = propagation.supports(
        new DeclaredTask(new LabelingFormat(Graphs.SHARED, Constraint.ALL_DIFFERENT, 4)));
    assertEquals(Support.no("propagation's hidden singles assume every label once per group; this task's groups"
        + " have pairwise different labels"), allDifferent);
    Support relation = propagation.supports(
        new DeclaredTask(new LabelingFormat(Graphs.SHARED, Constraint.RELATION, 4)));
    assertEquals("propagation's hidden singles assume every label once per group; this task's groups only relate"
        + " nodes", relation.reason());
  }

  @Test
  void propagationDeclinesAGraphPerExample() {
    Support perExample = propagation.supports(
        new DeclaredTask(new LabelingFormat(Graphs.PER_EXAMPLE, Constraint.EVERY_LABEL_ONCE, 4)));
    assertEquals(Support.no("propagation builds its groups once, from a graph every example shares; this task"
        + " brings a graph per example"), perExample);
  }

  @Test
  void propagationDeclinesWhatItCannotHold() {
    assertEquals(Support.no("propagation handles up to 30 labels; this task has 36"), propagation.supports(
        new DeclaredTask(new LabelingFormat(Graphs.SHARED, Constraint.EVERY_LABEL_ONCE, 36))));
    assertEquals(Support.no("propagation labels the nodes of a constraint graph; this task's format is retrieval"),
        propagation.supports(new DeclaredTask(new RetrievalFormat(27, 18))));
  }

  @Test
  void uniformTakesEveryBuiltInFormatAndDeclinesAnotherByItsId() {
    for (Format format : List.of(SUDOKU_LIKE, COLOURING, new SequenceFormat(10, 8, 8), new RetrievalFormat(27, 18))) {
      assertEquals(Support.yes(), uniform.supports(new DeclaredTask(format)), format.describe());
    }
    assertEquals(Support.no("uniform guesses labels, token sequences or retrieval scores; this task's format is"
        + " 'tour'"), uniform.supports(new DeclaredTask(new TourFormat())));
  }

  @Test
  void theOracleNeedsTheTasksOwnSolver() {
    assertEquals(Support.yes(), oracle.supports(SudokuTask.ofSide(4)));
    assertEquals(Support.no("the oracle runs the task's own exact solver; this task has none"),
        oracle.supports(new DeclaredTask(SUDOKU_LIKE)));
  }

  /** A shape none of the baselines knows: a tour through cities, say. */
  private record TourFormat() implements Format {
    @Override
    public String id() {
      return "tour";
    }

    @Override
    public String describe() {
      return "tour: visit every city once";
    }
  }

  /** A task that only declares its format, which is all a model decides on; it has no solver. */
  private record DeclaredTask(Format format) implements Task {
    @Override
    public List<Level> levels() {
      return List.of(new Level("only", 1, "never generated"));
    }

    @Override
    public List<Metric> metrics() {
      return List.of();
    }

    @Override
    public Dataset generate(Level level, int count, long seed) {
      throw new UnsupportedOperationException("support is decided before any data is made");
    }

    @Override
    public List<Score> score(Dataset answers, Predictions predictions) {
      throw new UnsupportedOperationException("support is decided before any data is made");
    }
  }
}
