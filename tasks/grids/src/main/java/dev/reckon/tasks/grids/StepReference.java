package dev.reckon.tasks.grids;

import dev.reckon.api.GridDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Support;
import dev.reckon.api.Task;

/**
 * A classical reference on one grid task of this jar: it declines every other task, and predicts
 * at the {@link StepCounts} up to its setting {@value StepCounts#MAX_STEPS}, one pass over the data
 * filling every count.
 */
abstract class StepReference implements ModelFactory {
  private final String id;
  private final Class<? extends Task.ReferenceSolver> solver;
  private final String taskId;
  private final String reads;

  /**
   * @param id the model's id
   * @param solver the class of its task's reference solver, by which it knows its task: the runner
   *     hands a model its task behind a proxy of {@link Task}, which hides the task's class but not
   *     the class of what its methods return
   * @param taskId its task's id
   * @param reads what it reads of its task, for the reason it declines others
   */
  StepReference(String id, Class<? extends Task.ReferenceSolver> solver, String taskId, String reads) {
    this.id = id;
    this.solver = solver;
    this.taskId = taskId;
    this.reads = reads;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public String version() {
    return "1";
  }

  /** A classical reference: it knows its task, and what it reads of it, by the task's own solver. */
  @Override
  public boolean usesReferenceSolver() {
    return true;
  }

  @Override
  public final Support supports(Task task) {
    return task.referenceSolver().filter(solver::isInstance).isPresent()
        ? Support.yes()
        : Support.no(id + " " + reads + "; this task is not the " + taskId + " task");
  }

  @Override
  public final Model create(ModelContext context) {
    int maxSteps = StepCounts.maxSteps(context.config());
    return inputs -> predict((GridDataset) inputs, maxSteps);
  }

  /** Labels at each of the {@link StepCounts} up to {@code maxSteps}. */
  abstract LabelingPredictions predict(GridDataset grids, int maxSteps);
}
