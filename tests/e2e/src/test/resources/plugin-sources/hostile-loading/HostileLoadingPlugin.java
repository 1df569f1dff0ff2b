package hostileloading;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Score;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;

/**
 * Offerings that break when loaded or planned: a model whose version() throws, a model with a null
 * id, a model whose id {@code ../escape} would name a folder outside the run, and a task
 * ({@code empty-task}) that declares no levels. One model ({@code still-standing}) is fine: the
 * plugin's other items must still load.
 */
public final class HostileLoadingPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new Offered("version-thrower"), new Offered(null), new Offered("../escape"),
        new Offered("still-standing"));
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new TaskFactory() {
      @Override
      public String id() {
        return "empty-task";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Task create(TaskContext context) {
        return new EmptyTask();
      }
    });
  }

  private record Offered(String id) implements ModelFactory {
    @Override
    public String version() {
      if ("version-thrower".equals(id)) {
        throw new IllegalStateException("the version file of version-thrower is missing");
      }
      return "1";
    }

    @Override
    public Support supports(Task task) {
      return Support.yes();
    }

    @Override
    public Model create(ModelContext context) {
      return inputs -> new LabelingPredictions(new int[] {1}, new int[][][] {((LabelingDataset) inputs).givens()});
    }
  }

  /** A task with no levels: nothing can be generated or evaluated. */
  private static final class EmptyTask implements Task {
    @Override
    public LabelingFormat format() {
      return new LabelingFormat(Graphs.PER_EXAMPLE, Constraint.ALL_DIFFERENT, 3);
    }

    @Override
    public List<Level> levels() {
      return List.of();
    }

    @Override
    public List<Metric> metrics() {
      return List.of(new Metric("nothing", Direction.HIGHER_IS_BETTER, "fraction", "never measured"));
    }

    @Override
    public Dataset generate(Level level, int count, long seed) {
      throw new IllegalStateException("empty-task has no levels to generate");
    }

    @Override
    public List<Score> score(Dataset answers, Predictions predictions) {
      throw new IllegalStateException("empty-task scores nothing");
    }
  }
}
