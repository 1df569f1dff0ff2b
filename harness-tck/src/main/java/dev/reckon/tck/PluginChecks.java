package dev.reckon.tck;

import static dev.reckon.tck.Checklist.require;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Config;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every property of a plugin, checked: its api version and ids, then {@link TaskChecks} for each
 * task it offers and {@link ModelChecks} for each model, on the first task it supports among the
 * plugin's own and {@link Setup#otherTasks}. A plugin's own tests run these through {@link
 * PluginContract}; {@code reckon verify-plugin} runs them on a jar.
 */
public final class PluginChecks {
  /**
   * What to check a plugin with.
   *
   * @param taskSettings each task's settings (the rest at their defaults)
   * @param modelSettings each model's settings: small enough to train in seconds
   * @param otherTasks tasks of other plugins to check the models on, in the order to try them
   * @param chance a model that guesses, to compare with each task's reference solver
   * @param deterministic whether a model promises the same predictions at one seed
   * @param modelTask the id of the task every model is checked on; empty: the first it supports
   *     among the plugin's own and {@code otherTasks}
   * @param progress where a model's training progress goes while it is checked
   */
  public record Setup(Function<TaskFactory, Map<String, ?>> taskSettings,
      Function<ModelFactory, Map<String, ?>> modelSettings, List<TaskFactory> otherTasks,
      Optional<ModelFactory> chance, Predicate<ModelFactory> deterministic, Optional<String> modelTask,
      TrainingProgress progress) {
    public Setup {
      otherTasks = List.copyOf(otherTasks);
    }

    /** Models checked on the first task they support, their progress untold. */
    public Setup(Function<TaskFactory, Map<String, ?>> taskSettings,
        Function<ModelFactory, Map<String, ?>> modelSettings, List<TaskFactory> otherTasks,
        Optional<ModelFactory> chance, Predicate<ModelFactory> deterministic) {
      this(taskSettings, modelSettings, otherTasks, chance, deterministic, Optional.empty(), TrainingProgress.UNTOLD);
    }
  }

  /** Told how far a model's training has come while it is checked, from the training log's progress. */
  @FunctionalInterface
  public interface TrainingProgress {
    TrainingProgress UNTOLD = (subject, done, total) -> { };

    /** {@code subject} (e.g. {@code model rrn on sudoku-4x4}) has made {@code done} of {@code total} updates. */
    void trained(String subject, int done, int total);
  }

  private PluginChecks() {}

  /** Checks {@code plugin}, named {@code name} in the checks' subjects (its class, or its jar). */
  public static List<Check> of(String name, ReckonPlugin plugin, Setup setup) {
    return run(name, plugin, setup, check -> { });
  }

  /**
   * As {@link #of}, handing each check to {@code sink} as soon as it is made: what was checked
   * before a plugin ends the process is not lost.
   */
  public static List<Check> run(String name, ReckonPlugin plugin, Setup setup, Consumer<Check> sink) {
    Checklist list = new Checklist("plugin " + name, sink);
    list.check("is built for this api (version " + ApiVersion.CURRENT + ")", () -> require(
        plugin.apiVersion() == ApiVersion.CURRENT, "it says api version " + plugin.apiVersion()));
    List<TaskFactory> tasks = new ArrayList<>();
    List<ModelFactory> models = new ArrayList<>();
    list.check("names its tasks and models with unique, safe ids and a version", () -> {
      tasks.addAll(plugin.tasks());
      models.addAll(plugin.models());
      Set<String> ids = new HashSet<>();
      for (TaskFactory task : tasks) {
        identified("task", SafeNames.require("task id", task.id()), task.version(), ids);
      }
      for (ModelFactory model : models) {
        identified("model", SafeNames.require("model id", model.id()), model.version(), ids);
      }
    });
    List<Check> checks = new ArrayList<>(list.checks());
    for (TaskFactory task : tasks) {
      checks.addAll(TaskChecks.run(task, setup.taskSettings().apply(task), setup.chance(), sink));
    }
    List<TaskFactory> candidates = new ArrayList<>(tasks);
    candidates.addAll(setup.otherTasks());
    for (ModelFactory model : models) {
      checks.addAll(onFirstSupported(model, candidates, setup, sink));
    }
    return checks;
  }

  private static void identified(String kind, String id, String version, Set<String> ids) {
    require(ids.add(id), kind + " id '" + id + "' is used twice");
    require(version != null && !version.isBlank(), kind + " " + id + " has no version");
  }

  private static List<Check> onFirstSupported(ModelFactory model, List<TaskFactory> candidates, Setup setup,
      Consumer<Check> sink) {
    List<TaskFactory> tried = setup.modelTask().map(id -> candidates.stream()
        .filter(candidate -> candidate.id().equals(id)).limit(1).toList()).orElse(candidates);
    for (TaskFactory candidate : tried) {
      Task task;
      Support support;
      try {
        task = candidate.create(new TaskContext(Config.resolve(candidate.settings(),
            setup.taskSettings().apply(candidate)), TaskChecks.SEED));
        support = model.supports(task);
      } catch (RuntimeException e) {
        if (setup.modelTask().isPresent()) {
          return declined(model, candidate.id(), Check.Verdict.FAILED, "making the task or asking whether the "
              + "model supports it threw " + e, sink);
        }
        continue; // the task's own checks say what is wrong with it; a model's throw is seen below
      }
      if (support != null && support.supported()) {
        return ModelChecks.run(model, task, candidate.id(), setup.modelSettings().apply(model),
            setup.deterministic().test(model), setup.progress(), sink);
      }
      if (setup.modelTask().isPresent()) {
        return declined(model, candidate.id(), Check.Verdict.FAILED, "it declines " + candidate.id() + ": "
            + (support == null ? "supports() returned null" : support.reason()), sink);
      }
    }
    return declined(model, "", Check.Verdict.NOT_APPLICABLE, setup.modelTask()
        .map(id -> "no task " + id + " was given to check it on")
        .orElse("it supports none of " + candidates.stream().map(TaskFactory::id).toList()
            + "; give it one of its tasks (reckon verify-plugin --plugins DIR)"), sink);
  }

  /** The one check of a model that no task was checked with: on {@code taskId} when it was named. */
  private static List<Check> declined(ModelFactory model, String taskId, Check.Verdict verdict, String why,
      Consumer<Check> sink) {
    String subject = "model " + model.id() + (taskId.isEmpty() ? "" : " on " + taskId);
    Checklist list = new Checklist(subject, sink);
    list.add(new Check(subject, taskId.isEmpty() ? "supports a task it can be checked on"
        : "supports the task it is checked on", verdict, why));
    return list.checks();
  }
}
