package dev.reckon.reports.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeBoardTest {
  @TempDir Path work;

  @Test
  void atEachBudgetEveryModelHasItsValueAtTrainingItsBestAndItsProbeRankedByTheBest() {
    RunResults run = new RunBuilder("compute").examples(400).trainedWith("recurrent-transformer", 2)
        .atBudget("transformer-large", "sorting", "n4", "n8", 1e9, new int[] {1}, 0.5)
        .atBudget("recurrent-transformer", "sorting", "n4", "n8", 1e9, new int[] {1, 2, 4, 8}, 0.1, 0.3, 0.6, 0.4)
        .atBudget("transformer-large", "sorting", "n4", "n8", 2e9, new int[] {1}, 0.7)
        .probe("transformer-large", "sorting", "n4", 0.9, 0.0)
        .proportions("transformer-large", "sorting", "n4", "n8", "sequence_accuracy", new int[] {1}, 0.7)
        .read(work);

    Board board = ComputeBoard.build(run);

    assertEquals(ComputeBoard.HEADER, board.header());
    assertEquals(List.of(
        List.of("sorting", "n8", 1e9, "recurrent-transformer", "n4", 1.01e9, 100.0, 0.3, 0.6, 4, "", "", 1),
        List.of("sorting", "n8", 1e9, "transformer-large", "n4", 1.01e9, 100.0, 0.5, 0.5, 1, "", "", 1),
        List.of("sorting", "n8", 2e9, "transformer-large", "n4", 2.02e9, 100.0, 0.7, 0.7, 1, "", "", 1)),
        board.rows());
  }
}
