package dev.reckon.plugins.baselines;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;

/** The task's own exact solver as a model. It must score perfectly: it proves the scorer right. */
final class OracleFactory implements ModelFactory {
  @Override
  public String id() {
    return "oracle";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "the task's exact solver; must score 100%";
  }

  @Override
  public boolean supports(Task task) {
    return task.referenceSolver().isPresent();
  }

  @Override
  public Model create(ModelContext context) {
    Task.ReferenceSolver solver = context.task().referenceSolver().orElseThrow();
    return solver::solve;
  }
}
