package dev.reckon.runner.execution;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.Task;
import dev.reckon.runner.UsageException;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.PluginRegistry;
import dev.reckon.runner.suites.Suite;
import dev.reckon.runner.suites.Suite.ModelEntry;
import dev.reckon.runner.suites.Suite.TaskEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a suite, optionally narrowed to some models and tasks, into the cells of a run. Ids given
 * on the command line must exist; ids only named by the suite are reported as missing and left
 * out, so one broken plugin does not stop the rest of the suite.
 *
 * <p>Cells are ordered seed, task, model: the models of one task share its cached datasets.
 */
public final class RunPlanner {
  /** What the user narrowed the suite to; empty lists mean everything in the suite. */
  public record Selection(List<String> models, List<String> tasks, Long seed) {
    public Selection {
      models = List.copyOf(models);
      tasks = List.copyOf(tasks);
    }
  }

  /** The cells, and the suite entries no loaded plugin provides. */
  public record Plan(List<PlannedCell> cells, List<String> missing) {}

  /**
   * The suite narrowed to the selection, as it will be saved with the run so that a resume replays
   * exactly these cells. Ids on the command line must be discovered ones.
   */
  public Suite narrow(Suite suite, PluginRegistry registry, Selection selection) {
    for (String id : selection.tasks()) {
      registry.task(id).orElseThrow(() -> unknown("task", id, registry.tasks().stream().map(t -> t.task().id())));
    }
    for (String id : selection.models()) {
      registry.model(id).orElseThrow(() -> unknown("model", id, registry.models().stream().map(m -> m.factory().id())));
    }
    return new Suite(suite.name(), suite.description(), selection.seed() == null ? suite.seeds() : List.of(selection.seed()),
        suite.cellTimeLimitMinutes(), select(suite.tasks(), TaskEntry::id, selection.tasks(), TaskEntry::of),
        select(suite.models(), ModelEntry::id, selection.models(), ModelEntry::of));
  }

  public Plan plan(Suite suite, PluginRegistry registry) {
    List<String> missing = new ArrayList<>();
    List<PlannedCell> cells = new ArrayList<>();
    for (long seed : suite.seeds()) {
      for (TaskEntry taskEntry : suite.tasks()) {
        DiscoveredTask task = registry.task(taskEntry.id()).orElse(null);
        if (task == null) {
          missing.add("task " + taskEntry.id());
          continue;
        }
        Level train = level(task.task(), taskEntry.train() == null ? task.task().levels().get(0).id() : taskEntry.train());
        List<Level> eval = evaluationLevels(task.task(), taskEntry, train);
        for (ModelEntry modelEntry : suite.models()) {
          DiscoveredModel model = registry.model(modelEntry.id()).orElse(null);
          if (model == null) {
            missing.add("model " + modelEntry.id());
          } else if (modelEntry.runsOn(task.task().id())) {
            Map<String, Object> settings = new HashMap<>(modelEntry.config());
            settings.putAll(taskEntry.config());
            cells.add(new PlannedCell(model, task, new Config(settings), train, eval, taskEntry.trainSize(),
                taskEntry.evalSize(), seed));
          }
        }
      }
    }
    return new Plan(cells, missing.stream().distinct().toList());
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

  private static List<Level> evaluationLevels(Task task, TaskEntry entry, Level train) {
    if (!entry.eval().isEmpty()) {
      return entry.eval().stream().map(id -> level(task, id)).toList();
    }
    List<Level> levels = task.levels();
    int from = levels.indexOf(train);
    return from < 0 ? List.of(train) : levels.subList(from, levels.size());
  }

  private static Level level(Task task, String id) {
    try {
      return task.level(id);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private static UsageException unknown(String kind, String id, Stream<String> known) {
    return new UsageException("unknown " + kind + " id '" + id + "'; the discovered " + kind + "s are "
        + known.collect(Collectors.joining(", ")));
  }
}
