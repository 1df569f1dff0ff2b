package dev.reckon.plugins.baselines;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Support;
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
  public Support supports(Task task) {
    return task.referenceSolver().isPresent()
        ? Support.yes()
        : Support.no("the oracle runs the task's own exact solver; this task has none");
  }

  @Override
  public boolean usesReferenceSolver() {
    return true;
  }

  @Override
  public String iterationMeaning() {
    return "one exact solve (the oracle does not iterate)";
  }

  @Override
  public Model create(ModelContext context) {
    Task.ReferenceSolver solver = context.task().referenceSolver().orElseThrow();
    return solver::solve;
  }
}
