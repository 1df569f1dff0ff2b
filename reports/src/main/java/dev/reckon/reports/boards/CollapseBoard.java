package dev.reckon.reports.boards;

import static dev.reckon.reports.format.RunFormat.Column.COLLAPSE;
import static dev.reckon.reports.format.RunFormat.Column.COLLAPSE_UPDATE;
import static dev.reckon.reports.format.RunFormat.Column.MODEL;
import static dev.reckon.reports.format.RunFormat.Column.SEED;
import static dev.reckon.reports.format.RunFormat.Column.STATUS;
import static dev.reckon.reports.format.RunFormat.Column.TASK;
import static dev.reckon.reports.format.RunFormat.Column.TRAIN_LEVEL;

import dev.reckon.reports.format.RunResults;
import java.util.List;

/**
 * The cells whose training the harness saw collapse (an accuracy or loss falling off a cliff and
 * staying there, or a NaN loss), with the update where it began; no rows when none did.
 */
public final class CollapseBoard {
  static final List<String> HEADER = List.of(TASK.id(), TRAIN_LEVEL.id(), MODEL.id(), SEED.id(), STATUS.id(),
      COLLAPSE_UPDATE.id(), COLLAPSE.id());

  private CollapseBoard() {}

  public static Board build(RunResults run) {
    return new Board("collapses", HEADER, run.cells().stream()
        .filter(cell -> cell.collapseUpdate() > 0)
        .map(cell -> List.<Object>of(cell.task(), cell.trainLevel(), cell.model(), cell.seed(), cell.status(),
            cell.collapseUpdate(), cell.collapse()))
        .toList());
  }
}
