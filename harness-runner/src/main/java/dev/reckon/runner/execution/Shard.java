package dev.reckon.runner.execution;

import dev.reckon.runner.UsageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One of {@code count} parts of a run's cells, for a job array on a cluster (Slurm, Kubernetes):
 * each part runs in its own job and writes its own run directory, and {@code reckon merge} joins
 * them. Shards are numbered from 0, as Slurm arrays and Kubernetes indexed jobs number their tasks.
 *
 * <p>The cells are dealt out greedily, the costliest first, each to the shard with the least
 * estimated work so far ({@link #cost}); the deal depends on the plan alone, so every shard
 * computes the same one.
 */
public record Shard(int index, int count) {
  /** The training work assumed of a model that does not say: 1000 updates of 64 examples. */
  static final long UNKNOWN_TRAINING_WORK = 64_000;

  /** The most shards of a run: more than a cluster's job array holds, and each is a run directory. */
  public static final int MOST_SHARDS = 10_000;

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new UsageException("a shard is I/N with 0 <= I < N, not " + index + "/" + count);
    }
    if (count > MOST_SHARDS) {
      throw new UsageException("a run is cut into at most " + MOST_SHARDS + " shards, not " + count);
    }
  }

  /** {@code I/N}, e.g. {@code 0/3}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/");
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--shard takes I/N, e.g. 0/3 for the first of three shards, not '" + text + "'");
  }

  /**
   * The shard a cluster's job array gives this process: Slurm's {@code SLURM_ARRAY_TASK_ID} (less
   * {@code SLURM_ARRAY_TASK_MIN}) of {@code SLURM_ARRAY_TASK_COUNT}, or Kubernetes'
   * {@code JOB_COMPLETION_INDEX} of {@code RECKON_SHARDS} (an indexed job does not tell its size).
   */
  public static Optional<Shard> fromEnvironment(Map<String, String> environment) {
    String slurm = environment.get("SLURM_ARRAY_TASK_ID");
    if (slurm != null && environment.containsKey("SLURM_ARRAY_TASK_COUNT")) {
      int first = Integer.parseInt(environment.getOrDefault("SLURM_ARRAY_TASK_MIN", "0"));
      return Optional.of(new Shard(Integer.parseInt(slurm) - first,
          Integer.parseInt(environment.get("SLURM_ARRAY_TASK_COUNT"))));
    }
    String kubernetes = environment.get("JOB_COMPLETION_INDEX");
    if (kubernetes != null && environment.containsKey("RECKON_SHARDS")) {
      return Optional.of(new Shard(Integer.parseInt(kubernetes), Integer.parseInt(environment.get("RECKON_SHARDS"))));
    }
    return Optional.empty();
  }

  /**
   * This shard's cells, in plan order. The cells that differ only in their seed ({@link CellGroup})
   * go to one shard together, so a shard trains them as one network as a run in one piece would.
   */
  public List<PlannedCell> select(List<PlannedCell> cells) {
    List<CellGroup> groups = CellGroup.of(cells, true);
    long[] load = new long[count];
    List<Integer> costliestFirst = IntStream.range(0, groups.size()).boxed()
        .sorted(Comparator.comparingLong((Integer i) -> -groups.get(i).cost()).thenComparing(i -> i)).toList();
    Set<CellKey> mine = new HashSet<>();
    for (int i : costliestFirst) {
      int least = 0;
      for (int s = 1; s < count; s++) {
        if (load[s] < load[least]) {
          least = s;
        }
      }
      load[least] += groups.get(i).cost();
      if (least == index) {
        mine.addAll(groups.get(i).keys());
      }
    }
    return cells.stream().filter(cell -> mine.contains(cell.key())).toList();
  }

  /**
   * A cell's estimated work: for a model that learns, the training examples it says it processes
   * ({@link PlannedCell#trainingWork}, else {@value #UNKNOWN_TRAINING_WORK}), plus the
   * examples it is evaluated on. A skipped cell costs nothing. Rough, but it keeps a
   * training cell from landing beside another while the baselines' shard idles.
   */
  static long cost(PlannedCell cell) {
    if (!cell.runs()) {
      return 0;
    }
    long evaluation = (long) cell.evalSize() * cell.eval().size();
    if (!cell.model().learns()) {
      return evaluation;
    }
    return cell.trainingWork().orElse(UNKNOWN_TRAINING_WORK) + evaluation;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
