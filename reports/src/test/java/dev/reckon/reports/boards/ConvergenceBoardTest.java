package dev.reckon.reports.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvergenceBoardTest {
  @TempDir Path work;

  @Test
  void oneRowPerObjectiveTwoColumnsPerJointBestFirstAndNotOnTheCompositionalBoard() {
    RunBuilder run = new RunBuilder("joints");
    for (String joint : List.of("dice", "product")) {
      run.value("table-infonce", RunBuilder.JOINTS, joint, "kl_conditional", 0.13, 0.001)
          .value("table-infonce", RunBuilder.JOINTS, joint, "kl_pmi", 5e-5, 1e-6)
          .value("table-nll", RunBuilder.JOINTS, joint, "kl_conditional", 7e-5, 1e-6)
          .value("table-nll", RunBuilder.JOINTS, joint, "kl_pmi", 0.156, 0.001);
    }
    run.game("contrastive-d4", "set-27", "set", 0.3, 0.9);
    RunResults results = run.read(work);

    Board board = ConvergenceBoard.build(results);
    assertEquals(List.of("task", "model", "product kl_conditional", "product kl_pmi", "dice kl_conditional",
        "dice kl_pmi", "seeds"), board.header());
    assertEquals(List.of(List.of("infonce-convergence", "table-nll", 7e-5, 0.156, 7e-5, 0.156, 1),
        List.of("infonce-convergence", "table-infonce", 0.13, 5e-5, 0.13, 5e-5, 1)), board.rows());
    assertTrue(board.toMarkdown().contains("| infonce-convergence | table-nll | 7e-5 | 0.156 | 7e-5 | 0.156 | 1 |"),
        board.toMarkdown());
    assertTrue(CompositionalBoard.build(results).rows().stream().allMatch(row -> row.get(0).equals("set-27")));
  }
}
