package dev.reckon.runner.execution;

import dev.reckon.api.Task;
import java.util.List;
import java.util.Map;

/**
 * What planning asks plugin code, in a process of its own ({@link DiscoveryProcess#answer}): each
 * task made at a suite entry's settings and seed, and each model asked about one of them.
 */
public record PlanningQuestions(List<TaskAtSettings> tasks, List<ModelOnTask> models) {
  public PlanningQuestions {
    tasks = List.copyOf(tasks);
    models = List.copyOf(models);
  }

  /**
   * @param config the task's effective settings
   * @param seed the task's own seed
   * @param levels the level ids the suite names, looked up with {@link Task#level}
   */
  public record TaskAtSettings(String task, Map<String, Object> config, long seed, List<String> levels) {}

  /**
   * Whether the model supports the task, and the training work it estimates at its settings.
   *
   * @param config the model's effective settings
   * @param task the index in {@link #tasks} of the task it is asked about
   */
  public record ModelOnTask(String model, Map<String, Object> config, int task) {}
}
