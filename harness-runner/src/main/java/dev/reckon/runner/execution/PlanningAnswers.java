package dev.reckon.runner.execution;

import dev.reckon.runner.plugins.PluginFailure;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answers of planning's process to {@link PlanningQuestions}, in their order.
 *
 * @param models each model's answer; null where its task cannot be used (it was not asked)
 * @param failures the plugins that failed to load, or broke the process, while answering
 */
public record PlanningAnswers(List<MadeTask> tasks, List<ModelAnswer> models, List<PluginFailure> failures) {
  public PlanningAnswers {
    tasks = List.copyOf(tasks);
    models = Collections.unmodifiableList(models);
    failures = List.copyOf(failures);
  }

  /**
   * A model's answer about one task: its cell runs, is skipped or fails.
   *
   * @param skip why the model declined the task, when it did
   * @param failure why its cell cannot run (the model's support check threw or broke the process)
   * @param trainingWork the training examples a learning model says it processes at its settings
   *     ({@link dev.reckon.api.ModelFactory#trainingWork}), for ordering and sharding the cells
   */
  public record ModelAnswer(Optional<String> skip, Optional<String> failure, OptionalLong trainingWork) {
    static ModelAnswer runs(OptionalLong trainingWork) {
      return new ModelAnswer(Optional.empty(), Optional.empty(), trainingWork);
    }

    static ModelAnswer skipped(String reason) {
      return new ModelAnswer(Optional.of(reason), Optional.empty(), OptionalLong.empty());
    }

    static ModelAnswer failed(String reason) {
      return new ModelAnswer(Optional.empty(), Optional.of(reason), OptionalLong.empty());
    }
  }
}
