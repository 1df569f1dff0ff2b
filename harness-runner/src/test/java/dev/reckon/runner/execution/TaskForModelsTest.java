package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Dataset;
import dev.reckon.api.Format;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A model sees no reference solver and no generator, unless it is a reference model (the oracle). */
class TaskForModelsTest {
  private static final Task.ReferenceSolver SOLVER = inputs -> null;
  private static final Level LEVEL = new Level("b1", 1, "one level");

  private static final Task TASK = new Task() {
    @Override
    public Format format() {
      return null;
    }

    @Override
    public List<Level> levels() {
      return List.of(LEVEL);
    }

    @Override
    public List<Metric> metrics() {
      return List.of();
    }

    @Override
    public Dataset generate(Level level, int count, long seed) {
      throw new AssertionError("a model reached the generator");
    }

    @Override
    public List<Score> score(Dataset answers, Predictions predictions) {
      return List.of();
    }

    @Override
    public Optional<ReferenceSolver> referenceSolver() {
      return Optional.of(SOLVER);
    }
  };

  @Test
  void aContestantSeesNoSolverAndNoGenerator() {
    Task seen = TaskForModels.of(TASK, factory(false));

    assertEquals(Optional.empty(), seen.referenceSolver());
    UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
        () -> seen.generate(LEVEL, 10, 1));
    assertTrue(refused.getMessage().contains("the runner's"), refused::getMessage);
    assertEquals(List.of(LEVEL), seen.levels());
    assertEquals(LEVEL, seen.level("b1"));
  }

  @Test
  void aReferenceModelIsGivenTheSolver() {
    assertEquals(Optional.of(SOLVER), TaskForModels.of(TASK, factory(true)).referenceSolver());
  }

  private static ModelFactory factory(boolean reference) {
    return new ModelFactory() {
      @Override
      public String id() {
        return "m";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Support supports(Task task) {
        return Support.yes();
      }

      @Override
      public boolean usesReferenceSolver() {
        return reference;
      }

      @Override
      public Model create(ModelContext context) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
