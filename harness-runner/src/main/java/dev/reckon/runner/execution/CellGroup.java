package dev.reckon.runner.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cells that differ only in their seed, run in one process: a model that stacks seeds ({@link
 * dev.reckon.api.ModelFactory#createGroup}) trains them as one network, any other one by one, and
 * each cell's rows are still its own. Cells that do not run (skipped, or failed at planning) stay
 * alone.
 */
public record CellGroup(List<PlannedCell> cells) {
  public CellGroup {
    cells = List.copyOf(cells);
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("a cell group needs a cell");
    }
  }

  /**
   * {@code cells} in groups, each group in the order its first cell comes in; with {@code
   * batchSeeds} false, every cell alone.
   */
  public static List<CellGroup> of(List<PlannedCell> cells, boolean batchSeeds) {
    Map<Object, List<PlannedCell>> groups = new LinkedHashMap<>();
    for (PlannedCell cell : cells) {
      Object key = batchSeeds && cell.runs() ? sameButSeed(cell) : cell.key();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(cell);
    }
    return groups.values().stream().map(CellGroup::new).toList();
  }

  /** What a cell's group shares: everything it is planned with but its seed. */
  private static List<Object> sameButSeed(PlannedCell cell) {
    return List.of(cell.model().id(), cell.task().id(), cell.train().id(), cell.config().asMap(),
        cell.taskConfig().asMap(), cell.eval().stream().map(level -> level.id()).toList(), cell.trainSize(),
        cell.evalSize(), cell.computeBudgets());
  }

  public PlannedCell first() {
    return cells.get(0);
  }

  public int size() {
    return cells.size();
  }

  public List<CellKey> keys() {
    return cells.stream().map(PlannedCell::key).toList();
  }

  /** The group's estimated work: its cells' ({@link Shard#cost}). */
  long cost() {
    return cells.stream().mapToLong(Shard::cost).sum();
  }

  @Override
  public String toString() {
    PlannedCell first = first();
    return cells.size() == 1 ? first.key().toString() : first.model().id() + " x " + first.task().id() + " (train "
        + first.train().id() + ", seeds " + String.join(" ", cells.stream().map(c -> Long.toString(c.seed())).toList())
        + ")";
  }
}
