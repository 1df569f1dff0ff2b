package dev.reckon.runner.execution;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.Setting;
import dev.reckon.runner.UsageException;
import dev.reckon.runner.execution.PlanningAnswers.ModelAnswer;
import dev.reckon.runner.execution.PlanningQuestions.ModelOnTask;
import dev.reckon.runner.execution.PlanningQuestions.TaskAtSettings;
import dev.reckon.runner.plugins.DescribedModel;
import dev.reckon.runner.plugins.DescribedTask;
import dev.reckon.runner.plugins.PluginCatalog;
import dev.reckon.runner.plugins.PluginFailure;
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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a suite, optionally narrowed to some models and tasks, into the cells of a run. Ids given
 * on the command line must exist; ids only named by the suite are reported as missing and left
 * out, so one broken plugin does not stop the rest of the suite. Every setting is checked against
 * what its plugin declares ({@link PluginCatalog}) before any plugin code is asked; then each task
 * is made at its settings and every model says, before any data is made, whether it can do it:
 * in planning's process ({@link DiscoveryProcess#answer}), never here.
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
   * The cells; the suite's entries no loaded plugin provides ({@code "model x"}); the tasks a
   * plugin provides that cannot be used at their settings, each with the reason; and the plugins
   * that failed to load, or broke the process, while planning.
   */
  public record Plan(List<PlannedCell> cells, List<String> missing, List<String> unusable,
      List<PluginFailure> failures) {}

  /**
   * The suite narrowed to the selection, as it will be saved with the run so that a resume replays
   * exactly these cells. Ids on the command line must be discovered ones. A task entry's {@code
   * modelConfig} is checked against the suite's models as written (a key none declares is a typo),
   * then keeps only the keys the models left declare: narrowing to models that do not take a setting
   * is no mistake.
   */
  public Suite narrow(Suite suite, PluginCatalog catalog, Selection selection) {
    for (String id : selection.tasks()) {
      catalog.task(id).orElseThrow(() -> unknown("task", id, catalog.tasks().stream().map(DescribedTask::id)));
    }
    for (String id : selection.models()) {
      catalog.model(id).orElseThrow(() -> unknown("model", id, catalog.models().stream().map(DescribedModel::id)));
    }
    suite.tasks().forEach(entry -> requireDeclaredByAModel(entry, modelsOn(suite.models(), entry.id(), catalog)));
    // --seed runs every cell at that one seed, whatever seeds its task or model entry sets.
    List<ModelEntry> models = select(suite.models(), ModelEntry::id, selection.models(), ModelEntry::of).stream()
        .map(entry -> selection.seed() == null ? entry : new ModelEntry(entry.id(), entry.config(), entry.tasks(), null, entry.configOn()))
        .toList();
    Suite narrowed = new Suite(suite.name(), suite.description(),
        selection.seed() == null ? suite.seeds() : List.of(selection.seed()), suite.cellTimeLimitMinutes(),
        select(suite.tasks(), TaskEntry::id, selection.tasks(), TaskEntry::of).stream()
            .map(entry -> declaredOnly(entry, modelsOn(models, entry.id(), catalog),
                selection.seed() == null ? entry.seeds() : null)).toList(), models);
    requireKnownIds(narrowed, catalog);
    return narrowed;
  }

  /**
   * An id a suite file names is a usage error when no plugin provides it, as on the command line;
   * it stays a warning when a plugin failed to load, for the id may be that plugin's.
   */
  private static void requireKnownIds(Suite suite, PluginCatalog catalog) {
    if (!catalog.failures().isEmpty()) {
      return;
    }
    for (TaskEntry entry : suite.tasks()) {
      if (catalog.task(entry.id()).isEmpty()) {
        throw unknownInSuite(suite, "task", entry.id(), catalog.tasks().stream().map(DescribedTask::id));
      }
    }
    for (ModelEntry entry : suite.models()) {
      if (catalog.model(entry.id()).isEmpty()) {
        throw unknownInSuite(suite, "model", entry.id(), catalog.models().stream().map(DescribedModel::id));
      }
      for (String task : entry.tasks()) {
        if (catalog.task(task).isEmpty()) {
          throw unknownInSuite(suite, "task", task, catalog.tasks().stream().map(DescribedTask::id));
        }
      }
    }
  }

  private static UsageException unknownInSuite(Suite suite, String kind, String id, Stream<String> known) {
    return new UsageException("suite " + suite.name() + " names " + kind + " '" + id + "', which no loaded plugin "
        + "provides; the discovered " + kind + "s are " + known.collect(Collectors.joining(", ")));
  }

  /** A task at settings and a seed that some cell runs on, and the level ids its entries name. */
  private record TaskToMake(DescribedTask task, Config config, long taskSeed, Set<String> levels) {}

  /** A model on a task entry at a seed, and the index of the task it runs on among those to make. */
  private record CellToAsk(DescribedModel model, Config config, TaskEntry entry, long seed, int task) {}

  /**
   * @throws UsageException for a setting a task or model does not declare or a value of the wrong
   *     type, naming the entry, the setting and the valid ones (before any plugin code is asked), or
   *     for a level a task entry names that its task does not have
   */
  public Plan plan(Suite suite, PluginCatalog catalog, DiscoveryProcess discovery) {
    List<String> missing = new ArrayList<>();
    for (ModelEntry modelEntry : suite.models()) {
      if (catalog.model(modelEntry.id()).isEmpty()) {
        missing.add("model " + modelEntry.id());
      }
    }
    // A task is made once at each settings and seed a cell runs on: entries that differ only in
    // their levels share it, and no task is made for a seed none of its entry's models runs at.
    List<TaskToMake> tasks = new ArrayList<>();
    Map<List<Object>, Integer> taskIndex = new HashMap<>();
    List<CellToAsk> asked = new ArrayList<>();
    for (long seed : suite.allSeeds()) {
      for (TaskEntry taskEntry : suite.tasks()) {
        DescribedTask task = catalog.task(taskEntry.id()).orElse(null);
        if (task == null) {
          missing.add("task " + taskEntry.id());
          continue;
        }
        requireDeclaredByAModel(taskEntry, modelsOn(suite.models(), task.id(), catalog));
        Config taskConfig = resolve("task " + task.id(), task.settings(), taskEntry.config());
        long taskSeed = Seeds.task(seed, task.id());
        for (ModelEntry modelEntry : suite.models()) {
          DescribedModel model = catalog.model(modelEntry.id()).orElse(null);
          if (model == null || !modelEntry.runsOn(task.id()) || !suite.seedsOf(taskEntry, modelEntry).contains(seed)) {
            continue;
          }
          Config config = resolve("model " + model.id(), model.settings(), merged(modelEntry.config(),
              taskEntry.modelConfig(), model.settings(), modelEntry.configOn(task.id())));
          int t = taskIndex.computeIfAbsent(List.of(task.id(), taskConfig.asMap(), taskSeed), key -> {
            tasks.add(new TaskToMake(task, taskConfig, taskSeed, new LinkedHashSet<>()));
            return tasks.size() - 1;
          });
          tasks.get(t).levels().addAll(namedLevels(taskEntry));
          asked.add(new CellToAsk(model, config, taskEntry, seed, t));
        }
      }
    }
    PlanningAnswers answers = discovery.answer(new PlanningQuestions(
        tasks.stream().map(task -> new TaskAtSettings(task.task().id(), task.config().asMap(), task.taskSeed(),
            List.copyOf(task.levels()))).toList(),
        asked.stream().map(cell -> new ModelOnTask(cell.model().id(), cell.config().asMap(), cell.task())).toList()),
        catalog);
    List<String> unusable = new ArrayList<>();
    for (int t = 0; t < tasks.size(); t++) {
      String task = tasks.get(t).task().id();
      answers.tasks().get(t).unusable().ifPresent(reason -> unusable.add("task " + task + ": " + reason));
    }
    List<PlannedCell> cells = new ArrayList<>();
    for (int c = 0; c < asked.size(); c++) {
      CellToAsk cell = asked.get(c);
      TaskToMake task = tasks.get(cell.task());
      MadeTask made = answers.tasks().get(cell.task());
      if (made.unusable().isPresent()) {
        continue;
      }
      TaskEntry entry = cell.entry();
      Level train = entry.train() == null ? made.levels().get(0) : level(task.task(), made, entry.train());
      ModelAnswer answer = answers.models().get(c);
      cells.add(new PlannedCell(cell.model(), task.task(), made, task.config(), task.taskSeed(), cell.config(), train,
          evaluationLevels(task.task(), made, entry, train), entry.trainSize(), entry.evalSize(),
          entry.computeBudgets(), cell.seed(), answer.trainingWork(), answer.skip(), answer.failure()));
    }
    requireDistinct(cells);
    return new Plan(cells, missing.stream().distinct().toList(), unusable.stream().distinct().toList(),
        answers.failures());
  }

  /** The level ids a task entry names: its training level, when it names one, and its evaluation levels. */
  private static List<String> namedLevels(TaskEntry entry) {
    return Stream.concat(Stream.ofNullable(entry.train()), entry.eval().stream()).toList();
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
  private static List<DescribedModel> modelsOn(List<ModelEntry> entries, String task, PluginCatalog catalog) {
    return entries.stream().filter(entry -> entry.runsOn(task))
        .flatMap(entry -> catalog.model(entry.id()).stream()).toList();
  }

  /** The names of the settings {@code models} declare, in their order. */
  private static Set<String> declaredSettings(List<DescribedModel> models) {
    Set<String> declared = new LinkedHashSet<>();
    models.forEach(model -> model.settings().forEach(setting -> declared.add(setting.name())));
    return declared;
  }

  /** {@code entry} with the {@code modelConfig} keys that one of {@code models} declares, at {@code seeds}. */
  private static TaskEntry declaredOnly(TaskEntry entry, List<DescribedModel> models, List<Long> seeds) {
    Map<String, Object> kept = new LinkedHashMap<>(entry.modelConfig());
    kept.keySet().retainAll(declaredSettings(models));
    return new TaskEntry(entry.id(), entry.train(), entry.eval(), entry.trainSize(), entry.evalSize(), entry.config(),
        kept, entry.computeBudgets(), seeds);
  }

  /** A task entry's {@code modelConfig} key that none of its models declares is a typo, not a no-op. */
  private static void requireDeclaredByAModel(TaskEntry entry, List<DescribedModel> models) {
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

  private static List<Level> evaluationLevels(DescribedTask task, MadeTask made, TaskEntry entry, Level train) {
    if (!entry.eval().isEmpty()) {
      return entry.eval().stream().map(id -> level(task, made, id)).toList();
    }
    int from = made.levels().indexOf(train);
    return from < 0 ? List.of(train) : made.levels().subList(from, made.levels().size());
  }

  /** The level {@code id} as the made task returned it; one it refused is the suite's mistake. */
  private static Level level(DescribedTask task, MadeTask made, String id) {
    String refused = made.unknown().get(id);
    if (refused != null || !made.named().containsKey(id)) {
      throw new UsageException("task " + task.id() + ": " + (refused != null ? refused : "no level '" + id + "'"));
    }
    return made.named().get(id);
  }

  private static UsageException unknown(String kind, String id, Stream<String> known) {
    return new UsageException("unknown " + kind + " id '" + id + "'; the discovered " + kind + "s are "
        + known.collect(Collectors.joining(", ")));
  }
}
