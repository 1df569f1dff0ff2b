package dev.reckon.runner.execution;

import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Task;
import dev.reckon.runner.results.Manifest.DataSeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates each dataset of a run once: every model of a (task, level, seed) is evaluated on the
 * same examples, and generating 9x9 puzzles is too slow to repeat per model.
 */
public final class DatasetCache {
  private record Key(String task, String level, int size, long seed) {}

  private final Map<Key, Dataset> datasets = new HashMap<>();
  private final List<DataSeed> seeds = new ArrayList<>();

  public synchronized Dataset get(Task task, Level level, int size, String role, long runSeed, long dataSeed) {
    return datasets.computeIfAbsent(new Key(task.id(), level.id(), size, dataSeed), key -> {
      seeds.add(new DataSeed(task.id(), level.id(), role, size, runSeed, dataSeed));
      return task.generate(level, size, dataSeed);
    });
  }

  /** The seed of every dataset generated so far, for the manifest. */
  public synchronized List<DataSeed> seeds() {
    return List.copyOf(seeds);
  }
}
