package dev.reckon.runner.suites;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named set of cells: which tasks at which levels, which models with which settings, which
 * seeds. Hyper-parameters live here, not in code; the built-in suites are {@code quick},
 * {@code default}, {@code full} and {@code stress} (src/main/resources/suites).
 *
 * @param name the suite's name, part of the run id
 * @param description one line for {@code reckon run --help} and the manifest
 * @param seeds one repetition of every cell per seed: a count ({@code seeds: 3}, seeds 1 to 3) or a
 *     list; a task entry or a model entry may set its own ({@link #seedsOf})
 * @param cellTimeLimitMinutes a cell still running after this long is stopped and marked failed
 * @param tasks the tasks, with their levels and data sizes
 * @param models the models, with their settings
 */
public record Suite(String name, String description,
    @JsonDeserialize(using = SeedsDeserializer.class) List<Long> seeds, Double cellTimeLimitMinutes,
    List<TaskEntry> tasks, List<ModelEntry> models) {
  public Suite {
    seeds = seeds == null || seeds.isEmpty() ? List.of(1L) : copy(seeds);
    cellTimeLimitMinutes = cellTimeLimitMinutes == null ? 30.0 : cellTimeLimitMinutes;
    tasks = tasks == null ? List.of() : copy(tasks);
    models = models == null ? List.of() : copy(models);
    description = description == null ? "" : description;
  }

  /** Every seed a cell of the suite runs at: the suite's, then any other a task or model entry sets. */
  public List<Long> allSeeds() {
    Set<Long> all = new LinkedHashSet<>(seeds);
    tasks.stream().filter(entry -> entry != null && entry.seeds() != null).forEach(entry -> all.addAll(entry.seeds()));
    models.stream().filter(entry -> entry != null && entry.seeds() != null).forEach(entry -> all.addAll(entry.seeds()));
    return List.copyOf(all);
  }

  /**
   * The seeds the cells of {@code model} on {@code task} run at: the model entry's when it sets
   * them (one for a baseline whose seeds would only repeat it), else the task entry's (one for a
   * game no claim reads), else the suite's.
   */
  public List<Long> seedsOf(TaskEntry task, ModelEntry model) {
    return model.seeds() != null ? model.seeds() : task.seeds() != null ? task.seeds() : seeds;
  }

  /**
   * An unmodifiable copy that keeps an empty YAML item ({@code - }) as null, so that {@link
   * SuiteLoader#requireValid} names it rather than the copy failing without a word.
   */
  private static <T> List<T> copy(List<T> items) {
    return Collections.unmodifiableList(new ArrayList<>(items));
  }

  /**
   * One task of the suite.
   *
   * @param id the task id
   * @param train the level models are trained on; defaults to the task's easiest
   * @param eval the levels evaluated; defaults to the training level and every harder one
   * @param trainSize training examples, generated only for models that learn
   * @param evalSize examples per evaluated level
   * @param config the task's own settings (checked against what the task declares)
   * @param modelConfig settings given to every model on this entry's cells, over the model's own
   *     (a harder game may need more updates for every model)
   * @param computeBudgets training FLOPs, ascending: a model that reports its training FLOPs is
   *     evaluated on the entry's levels when it reaches each (the compute leaderboard)
   * @param seeds if given, the seeds its cells run at (a count or a list, as the suite's), unless a
   *     model entry sets its own
   */
  public record TaskEntry(String id, String train, List<String> eval, Integer trainSize, Integer evalSize,
      Map<String, Object> config, Map<String, Object> modelConfig, List<Double> computeBudgets,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonDeserialize(using = SeedsDeserializer.class) List<Long> seeds) {
    public TaskEntry {
      seeds = seeds == null ? null : copy(seeds);
      eval = eval == null ? List.of() : copy(eval);
      computeBudgets = computeBudgets == null ? List.of() : copy(computeBudgets);
      config = ordered(config);
      modelConfig = ordered(modelConfig);
      trainSize = trainSize == null ? 1000 : trainSize;
      evalSize = evalSize == null ? 200 : evalSize;
    }

    public static TaskEntry of(String id) {
      return new TaskEntry(id, null, null, null, null, null, null, null, null);
    }
  }

  /**
   * One model variant of the suite.
   *
   * @param id the model id
   * @param config its settings, handed to the model as is
   * @param tasks if given, the only tasks it runs on (e.g. a slow model on one task)
   * @param seeds if given, the only seeds it runs at (a count or a list, as the suite's), e.g. one
   *     for a baseline whose seeds would only repeat it; over a task entry's
   * @param configOn settings of this model on one task, by task id, over the task entries'
   *     {@code modelConfig}: a task entry sizes every model on it alike, and a model whose own
   *     training differs (the cross-encoder's fewer, costlier updates) keeps its own there
   */
  public record ModelEntry(String id, Map<String, Object> config, List<String> tasks,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonDeserialize(using = SeedsDeserializer.class) List<Long> seeds,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, Object>> configOn) {
    public ModelEntry {
      config = ordered(config);
      tasks = tasks == null ? List.of() : copy(tasks);
      seeds = seeds == null ? null : copy(seeds);
      Map<String, Map<String, Object>> each = new LinkedHashMap<>();
      if (configOn != null) {
        configOn.forEach((task, settings) -> each.put(task, ordered(settings)));
      }
      configOn = Collections.unmodifiableMap(each);
    }

    public static ModelEntry of(String id) {
      return new ModelEntry(id, null, null, null, null);
    }

    /** Its settings on {@code task} over a task entry's: none unless {@link #configOn} names the task. */
    public Map<String, Object> configOn(String task) {
      return configOn.getOrDefault(task, Map.of());
    }

    public boolean runsOn(String task) {
      return tasks.isEmpty() || tasks.contains(task);
    }
  }

  /**
   * {@code settings} unmodifiable, in the suite file's order. Not {@code Map.copyOf}: its
   * iteration order changes from one JVM to the next, and suite.yaml, written from these maps, is
   * fingerprinted: shards of one run, each in a JVM of its own, must write the same bytes.
   */
  private static Map<String, Object> ordered(Map<String, Object> settings) {
    return settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }
}
