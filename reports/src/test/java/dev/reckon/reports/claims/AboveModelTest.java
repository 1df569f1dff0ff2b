package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.reports.format.RunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AboveModelTest {
  @TempDir Path work;

  @Test
  void aComparisonAtEachModelsBestNamesTheCountsAndHonoursItsMargin() throws IOException {
    String yaml = "notes: {n: a note}\nclaims:\n  - id: c\n    note: n\n    statement: s\n    rules:\n"
        + "      - {kind: above_model, model: deq-gnn, against: rrn, task: 'sudoku-*', levels: [minimal], at: best, "
        + "by: %s}\n";
    RunResults run = new SudokuRun().builder().read(work);
    ClaimVerdict holds = read(String.format(yaml, "0.05")).judge(run).get(0);
    assertEquals(ClaimStatus.REPRODUCED, holds.status());
    assertEquals(List.of("deq-gnn 0.8 [0.763, 0.833] vs rrn 0.7 [0.658, 0.739] on sudoku-6x6 minimal "
        + "(puzzle_accuracy, both at 32 iterations (deq-gnn 2T, rrn 4T)): better outside the noise (by the "
        + "intervals, unpaired: neither has outcomes; needs a lead of at least 0.05)"), holds.evidence(),
        "each at its best count, the fewest on a tie (32, not 64)");
    assertEquals(ClaimStatus.NOT_REPRODUCED, read(String.format(yaml, "0.2")).judge(run).get(0).status(),
        "better outside the noise, but by less than the margin");
  }
}
