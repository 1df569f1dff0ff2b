package dev.reckon.runner.execution;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.Format;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import java.util.List;
import java.util.Optional;

/**
 * A task as a model is shown it, in {@link ModelFactory#supports} and the model's context: its
 * format, levels, metrics and scoring, but not its answers. The generator is closed (the seeds of
 * the evaluation data are derived in the open, so a model that could generate would hold the
 * evaluation labels), and the reference solver is offered only to a model that declares itself a
 * reference ({@link ModelFactory#usesReferenceSolver()}, the oracle).
 *
 * <p>A view inside the same process, not a wall: reflection still reaches the task behind it.
 */
final class TaskForModels implements Task {
  private final Task task;
  private final boolean withSolver;

  private TaskForModels(Task task, boolean withSolver) {
    this.task = requireNonNull(task, "task is null");
    this.withSolver = withSolver;
  }

  /** The view of {@code task} that {@code model} is given. */
  static Task of(Task task, ModelFactory model) {
    return new TaskForModels(task, model.usesReferenceSolver());
  }

  @Override
  public Format format() {
    return task.format();
  }

  @Override
  public List<Level> levels() {
    return task.levels();
  }

  @Override
  public Level level(String id) {
    return task.level(id);
  }

  @Override
  public List<Metric> metrics() {
    return task.metrics();
  }

  @Override
  public Dataset generate(Level level, int count, long seed) {
    throw new UnsupportedOperationException("a model gets its examples through train() and predict(): the task's "
        + "generator, and with it the answers of the evaluation data, is the runner's");
  }

  @Override
  public List<Score> score(Dataset answers, Predictions predictions) {
    return task.score(answers, predictions);
  }

  @Override
  public List<ExampleOutcomes> outcomes(Dataset answers, Predictions predictions) {
    return task.outcomes(answers, predictions);
  }

  @Override
  public Scoring scoreWithOutcomes(Dataset answers, Predictions predictions) {
    return task.scoreWithOutcomes(answers, predictions);
  }

  @Override
  public Optional<double[][]> tokenCoordinates() {
    return task.tokenCoordinates();
  }

  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return withSolver ? task.referenceSolver() : Optional.empty();
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
