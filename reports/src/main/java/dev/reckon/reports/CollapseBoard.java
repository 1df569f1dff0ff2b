package dev.reckon.reports;

import dev.reckon.reports.RunResults.Cell;
import java.util.List;

/**
 * The cells whose training the harness saw collapse (an accuracy or loss falling off a cliff and
 * staying there, or a NaN loss), with the update where it began; no rows when none did.
 */
public final class CollapseBoard {
  static final List<String> HEADER = List.of("task", "train_level", "model", "seed", "status", "collapse_update",
      "collapse");

  private CollapseBoard() {}

  public static Board build(RunResults run) {
    return new Board("collapses", HEADER, run.cells().stream()
        .filter(cell -> cell.collapseUpdate() > 0)
        .map(cell -> List.<Object>of(cell.task(), cell.trainLevel(), cell.model(), cell.seed(), cell.status(),
            cell.collapseUpdate(), cell.collapse()))
        .toList());
  }
}
