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
   * @param otherTasks tasks of other plugins to check the models on
   * @param chance a model that guesses, to compare with each task's reference solver
   * @param deterministic whether a model promises the same predictions at one seed
   */
  public record Setup(Function<TaskFactory, Map<String, ?>> taskSettings,
      Function<ModelFactory, Map<String, ?>> modelSettings, List<TaskFactory> otherTasks,
      Optional<ModelFactory> chance, Predicate<ModelFactory> deterministic) {
    public Setup {
      otherTasks = List.copyOf(otherTasks);
    }
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
    for (TaskFactory candidate : candidates) {
      Task task;
      Support support;
      try {
        task = candidate.create(new TaskContext(Config.resolve(candidate.settings(),
            setup.taskSettings().apply(candidate)), TaskChecks.SEED));
        support = model.supports(task);
      } catch (RuntimeException e) {
        continue; // the task's own checks say what is wrong with it; a model's throw is seen below
      }
      if (support != null && support.supported()) {
        return ModelChecks.run(model, task, candidate.id(), setup.modelSettings().apply(model),
            setup.deterministic().test(model), sink);
      }
    }
    Checklist list = new Checklist("model " + model.id(), sink);
    list.add(new Check("model " + model.id(), "supports a task it can be checked on", Check.Verdict.NOT_APPLICABLE,
        "it supports none of " + candidates.stream().map(TaskFactory::id).toList()
            + "; give it one of its tasks (reckon verify-plugin --plugins DIR)"));
    return list.checks();
  }
}
