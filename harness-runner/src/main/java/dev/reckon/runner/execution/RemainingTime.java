package dev.reckon.runner.execution;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long a run has left, from the planner's cost model ({@link Shard#cost}): the time so far,
 * scaled by the work left over the work done. Not the time per finished cell times the cells left:
 * the costliest cells run first, so the first to finish are no measure of the many short ones
 * after them, and a cell the model declined (skipped) takes no time at all, as its cost of 0 says.
 * A cell still training counts the share of its work its updates say it has done. Called from
 * several threads.
 */
public final class RemainingTime {
  private final Map<CellKey, Long> costs;
  private final Map<CellKey, Long> done = new HashMap<>();
  private long total;

  /** @param costs each cell's estimated work, in any unit */
  RemainingTime(Map<CellKey, Long> costs) {
    this.costs = new HashMap<>(costs);
    this.total = costs.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The time left of a run of {@code cells}, each costing what {@link Shard#cost} estimates. */
  public static RemainingTime of(List<PlannedCell> cells) {
    Map<CellKey, Long> costs = new LinkedHashMap<>();
    cells.forEach(cell -> costs.put(cell.key(), Shard.cost(cell)));
    return new RemainingTime(costs);
  }

  /** A cell an earlier attempt finished: no work of this one, before or after. */
  synchronized void reused(CellKey key) {
    Long cost = costs.remove(key);
    if (cost != null) {
      total -= cost;
    }
  }

  /** A group's cells have done {@code updates} of their {@code of} training updates. */
  synchronized void training(CellGroup group, int updates, int of) {
    double share = of == 0 ? 0 : Math.min(1, (double) updates / of);
    group.keys().forEach(key -> done.put(key, Math.round(costs.getOrDefault(key, 0L) * share)));
  }

  synchronized void finished(CellKey key) {
    done.put(key, costs.getOrDefault(key, 0L));
  }

  /** The time left after {@code elapsed} of this attempt; empty until some work is done. */
  synchronized Optional<Duration> left(Duration elapsed) {
    long work = done.entrySet().stream().filter(cell -> costs.containsKey(cell.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
    if (work <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.round(elapsed.toMillis() * (double) (total - work) / work)));
  }
}
