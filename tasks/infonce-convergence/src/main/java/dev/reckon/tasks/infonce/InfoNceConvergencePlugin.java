package dev.reckon.tasks.infonce;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;

/**
 * The task {@code infonce-convergence} of research note 003: what a free table trained on samples of
 * a known joint converges to under each objective. It has no settings, and its task seed is unused:
 * every sample comes from the data seed alone.
 */
public final class InfoNceConvergencePlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new TaskFactory() {
      @Override
      public String id() {
        return "infonce-convergence";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public String description() {
        return "samples (x, y) of a known joint as queries x and keys y; the softmax of a model's scores over y "
            + "against p(y|x) and against the normalised PMI ratio p(x,y) / p(x)p(y)";
      }

      @Override
      public Task create(TaskContext context) {
        return new InfoNceConvergenceTask();
      }
    });
  }
}
