package dev.reckon.runner.execution;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.runner.Errors;
import dev.reckon.runner.UsageException;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.PluginRegistry;
import dev.reckon.tck.SafeNames;
import dev.reckon.runner.suites.Suite;
import dev.reckon.runner.suites.Suite.ModelEntry;
import dev.reckon.runner.suites.Suite.TaskEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a suite, optionally narrowed to some models and tasks, into the cells of a run. Ids given
 * on the command line must exist; ids only named by the suite are reported as missing and left
 * out, so one broken plugin does not stop the rest of the suite. Every setting is checked against
 * what its plugin declares before anything runs, and every model says here, before any data is
 * made, whether it can do each task.
 *
 * <p>Cells are ordered seed, task, model: the models of one task share its datasets' seeds.
 */
public final class RunPlanner {
  /** What the user narrowed the suite to; empty lists mean everything in the suite. */
  public record Selection(List<String> models, List<String> tasks, Long seed) {
    public Selection {
      models = List.copyOf(models);
      tasks = List.copyOf(tasks);
    }
  }

  /**
   * The cells; the suite's entries no loaded plugin provides ({@code "model x"}); and the tasks a
   * plugin provides that cannot be used at their settings, each with the reason.
   */
  public record Plan(List<PlannedCell> cells, List<String> missing, List<String> unusable) {}

  /**
   * The suite narrowed to the selection, as it will be saved with the run so that a resume replays
   * exactly these cells. Ids on the command line must be discovered ones. A task entry's {@code
   * modelConfig} is checked against the suite's models as written (a key none declares is a typo),
   * then keeps only the keys the models left declare: narrowing to models that do not take a setting
   * is no mistake.
   */
  public Suite narrow(Suite suite, PluginRegistry registry, Selection selection) {
    for (String id : selection.tasks()) {
      registry.task(id).orElseThrow(() -> unknown("task", id, registry.tasks().stream().map(DiscoveredTask::id)));
    }
    for (String id : selection.models()) {
      registry.model(id).orElseThrow(() -> unknown("model", id, registry.models().stream().map(DiscoveredModel::id)));
    }
    suite.tasks().forEach(entry -> requireDeclaredByAModel(entry, modelsOn(suite.models(), entry.id(), registry)));
    // --seed runs every cell at that one seed, whatever seeds its task or model entry sets.
    List<ModelEntry> models = select(suite.models(), ModelEntry::id, selection.models(), ModelEntry::of).stream()
        .map(entry -> selection.seed() == null ? entry : new ModelEntry(entry.id(), entry.config(), entry.tasks(), null, entry.configOn()))
        .toList();
    Suite narrowed = new Suite(suite.name(), suite.description(),
        selection.seed() == null ? suite.seeds() : List.of(selection.seed()), suite.cellTimeLimitMinutes(),
        select(suite.tasks(), TaskEntry::id, selection.tasks(), TaskEntry::of).stream()
            .map(entry -> declaredOnly(entry, modelsOn(models, entry.id(), registry),
                selection.seed() == null ? entry.seeds() : null)).toList(), models);
    requireKnownIds(narrowed, registry);
    return narrowed;
  }

  /**
   * An id a suite file names is a usage error when no plugin provides it, as on the command line;
   * it stays a warning when a plugin failed to load, for the id may be that plugin's.
   */
  private static void requireKnownIds(Suite suite, PluginRegistry registry) {
    if (!registry.failures().isEmpty()) {
      return;
    }
    for (TaskEntry entry : suite.tasks()) {
      if (registry.task(entry.id()).isEmpty()) {
        throw unknownInSuite(suite, "task", entry.id(), registry.tasks().stream().map(DiscoveredTask::id));
      }
    }
    for (ModelEntry entry : suite.models()) {
      if (registry.model(entry.id()).isEmpty()) {
        throw unknownInSuite(suite, "model", entry.id(), registry.models().stream().map(DiscoveredModel::id));
      }
      for (String task : entry.tasks()) {
        if (registry.task(task).isEmpty()) {
          throw unknownInSuite(suite, "task", task, registry.tasks().stream().map(DiscoveredTask::id));
        }
      }
    }
  }

  private static UsageException unknownInSuite(Suite suite, String kind, String id, Stream<String> known) {
    return new UsageException("suite " + suite.name() + " names " + kind + " '" + id + "', which no loaded plugin "
        + "provides; the discovered " + kind + "s are " + known.collect(Collectors.joining(", ")));
  }

  /**
   * @throws UsageException for a setting a task or model does not declare or a value of the wrong
   *     type, naming the entry, the setting and the valid ones
   */
  public Plan plan(Suite suite, PluginRegistry registry) {
    List<String> missing = new ArrayList<>();
    List<String> unusable = new ArrayList<>();
    List<PlannedCell> cells = new ArrayList<>();
    for (ModelEntry modelEntry : suite.models()) {
      if (registry.model(modelEntry.id()).isEmpty()) {
        missing.add("model " + modelEntry.id());
      }
    }
    for (long seed : suite.allSeeds()) {
      for (TaskEntry taskEntry : suite.tasks()) {
        DiscoveredTask task = registry.task(taskEntry.id()).orElse(null);
        if (task == null) {
          missing.add("task " + taskEntry.id());
          continue;
        }
        List<DiscoveredModel> models = modelsOn(suite.models(), task.id(), registry);
        requireDeclaredByAModel(taskEntry, models);
        Config taskConfig = resolve("task " + task.id(), task.factory().settings(), taskEntry.config());
        long taskSeed = Seeds.task(seed, task.id());
        Task instance;
        Level train;
        List<Level> eval;
        try {
          instance = task.create(new TaskContext(taskConfig, taskSeed));
          List<Level> levels = usable(instance);
          train = level(task, instance, taskEntry.train() == null ? levels.get(0).id() : taskEntry.train());
          eval = evaluationLevels(task, instance, levels, taskEntry, train);
        } catch (UsageException e) {
          throw e;
        } catch (Unusable e) {
          unusable.add("task " + task.id() + ": " + e.getMessage());
          continue;
        } catch (RuntimeException | LinkageError e) {
          unusable.add("task " + task.id() + ": it cannot be made at its settings: " + Errors.oneLine(e));
          continue;
        }
        for (ModelEntry modelEntry : suite.models()) {
          DiscoveredModel model = registry.model(modelEntry.id()).orElse(null);
          if (model == null || !modelEntry.runsOn(task.id()) || !suite.seedsOf(taskEntry, modelEntry).contains(seed)) {
            continue;
          }
          Config config = resolve("model " + model.id(), model.factory().settings(),
              merged(modelEntry.config(), taskEntry.modelConfig(), model.factory().settings(),
                  modelEntry.configOn(task.id())));
          Optional<String> skip = Optional.empty();
          Optional<String> failure = Optional.empty();
          try {
            Support support = model.factory().supports(TaskForModels.of(instance, model.factory()));
            if (support == null) {
              failure = Optional.of(model.id() + "'s supports() returned null");
            } else if (!support.supported()) {
              skip = Optional.of(support.reason());
            }
          } catch (RuntimeException | LinkageError e) {
            failure = Optional.of(model.id() + "'s supports() failed: " + Errors.oneLine(e));
          }
          cells.add(new PlannedCell(model, task, instance, taskConfig, taskSeed, config, train, eval,
              taskEntry.trainSize(), taskEntry.evalSize(), taskEntry.computeBudgets(), seed, skip, failure));
        }
      }
    }
    requireDistinct(cells);
    return new Plan(cells, missing.stream().distinct().toList(), unusable.stream().distinct().toList());
  }

  /** Two entries planning one cell (same model, task, training level and seed) would write its rows twice. */
  private static void requireDistinct(List<PlannedCell> cells) {
    Set<CellKey> keys = new HashSet<>();
    for (PlannedCell cell : cells) {
      if (!keys.add(cell.key())) {
        throw new UsageException("the suite plans the cell " + cell.key() + " twice: a task entry, a model or a "
            + "seed is repeated (give a repeated task entry another training level)");
      }
    }
  }

  /**
   * The model's own settings, the task entry's model settings that the model declares over them,
   * and the model's own on this task over both (all of them: a name it does not declare is a typo).
   */
  private static Map<String, Object> merged(Map<String, Object> own, Map<String, Object> entry, List<Setting> declared,
      Map<String, Object> ownOnTask) {
    Map<String, Object> settings = new HashMap<>(own);
    Set<String> names = declared.stream().map(Setting::name).collect(Collectors.toSet());
    entry.forEach((name, value) -> {
      if (names.contains(name)) {
        settings.put(name, value);
      }
    });
    settings.putAll(ownOnTask);
    return settings;
  }

  /** The discovered models of {@code entries} that run on {@code task}. */
  private static List<DiscoveredModel> modelsOn(List<ModelEntry> entries, String task, PluginRegistry registry) {
    return entries.stream().filter(entry -> entry.runsOn(task))
        .flatMap(entry -> registry.model(entry.id()).stream()).toList();
  }

  /** The names of the settings {@code models} declare, in their order. */
  private static Set<String> declaredSettings(List<DiscoveredModel> models) {
    Set<String> declared = new LinkedHashSet<>();
    models.forEach(model -> model.factory().settings().forEach(setting -> declared.add(setting.name())));
    return declared;
  }

  /** {@code entry} with the {@code modelConfig} keys that one of {@code models} declares, at {@code seeds}. */
  private static TaskEntry declaredOnly(TaskEntry entry, List<DiscoveredModel> models, List<Long> seeds) {
    Map<String, Object> kept = new LinkedHashMap<>(entry.modelConfig());
    kept.keySet().retainAll(declaredSettings(models));
    return new TaskEntry(entry.id(), entry.train(), entry.eval(), entry.trainSize(), entry.evalSize(), entry.config(),
        kept, entry.computeBudgets(), seeds);
  }

  /** A task entry's {@code modelConfig} key that none of its models declares is a typo, not a no-op. */
  private static void requireDeclaredByAModel(TaskEntry entry, List<DiscoveredModel> models) {
    Set<String> declared = declaredSettings(models);
    for (String name : entry.modelConfig().keySet()) {
      if (!declared.contains(name)) {
        throw new UsageException("modelConfig of task entry " + entry.id() + (entry.train() == null ? "" : " (train "
            + entry.train() + ")") + " sets '" + name + "', which none of its models declares; their settings are "
            + declared.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
  }

  private static Config resolve(String what, List<Setting> declared, Map<String, ?> given) {
    try {
      return Config.resolve(declared, given);
    } catch (IllegalArgumentException e) {
      throw new UsageException(what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The task's levels, after checking what the runner reads of it: a format, at least one level
   * and one metric, every level id and metric name a safe name (they become folder names and CSV
   * values).
   */
  private static List<Level> usable(Task task) {
    if (task.format() == null) {
      throw new Unusable("it declares no format");
    }
    List<Level> levels = task.levels();
    if (levels == null || levels.isEmpty()) {
      throw new Unusable("it declares no levels");
    }
    List<Metric> metrics = task.metrics();
    if (metrics == null || metrics.isEmpty()) {
      throw new Unusable("it declares no metrics");
    }
    try {
      levels.forEach(level -> SafeNames.require("level id", level == null ? null : level.id()));
      metrics.forEach(metric -> SafeNames.require("metric", metric == null ? null : metric.id()));
    } catch (IllegalArgumentException e) {
      throw new Unusable(e.getMessage());
    }
    return levels;
  }

  /** What makes a task unusable, in the runner's words. */
  private static final class Unusable extends RuntimeException {
    Unusable(String message) {
      super(message);
    }
  }

  /**
   * The entries with the wanted ids, in the order wanted; an id the suite does not name gets a
   * fresh entry with default settings. A suite may name a task more than once (one entry per
   * training level), so every entry with a wanted id is kept.
   */
  private static <E> List<E> select(List<E> entries, Function<E, String> id, List<String> wanted,
      Function<String, E> fresh) {
    if (wanted.isEmpty()) {
      return entries;
    }
    List<E> selected = new ArrayList<>();
    for (String name : wanted.stream().distinct().toList()) {
      List<E> named = entries.stream().filter(entry -> id.apply(entry).equals(name)).toList();
      selected.addAll(named.isEmpty() ? List.of(fresh.apply(name)) : named);
    }
    return selected;
  }

  private static List<Level> evaluationLevels(DiscoveredTask plugin, Task task, List<Level> levels, TaskEntry entry,
      Level train) {
    if (!entry.eval().isEmpty()) {
      return entry.eval().stream().map(id -> level(plugin, task, id)).toList();
    }
    int from = levels.indexOf(train);
    return from < 0 ? List.of(train) : levels.subList(from, levels.size());
  }

  private static Level level(DiscoveredTask plugin, Task task, String id) {
    try {
      return task.level(id);
    } catch (IllegalArgumentException e) {
      throw new UsageException("task " + plugin.id() + ": " + e.getMessage(), e);
    }
  }

  private static UsageException unknown(String kind, String id, Stream<String> known) {
    return new UsageException("unknown " + kind + " id '" + id + "'; the discovered " + kind + "s are "
        + known.collect(Collectors.joining(", ")));
  }
}
