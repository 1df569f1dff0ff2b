package dev.reckon.reports.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardTest {
  @Test
  void markdownRoundsNumbersAndAlignsThemRight() {
    Board board = new Board("ttc", List.of("model", "at_1", "at_T", "seeds"),
        List.of(List.of("rrn", 0.010000000000000009, "", 1), List.of("deq|gnn", 11.5549, 0.9999, 3)));
    assertEquals("""
        | model | at_1 | at_T | seeds |
        | --- | ---: | ---: | ---: |
        | rrn | 0.01 |  | 1 |
        | deq|gnn | 11.555 | 1 | 3 |
        """, board.toMarkdown());
    assertEquals("_no rows in this run_\n", new Board("x", List.of("a"), List.of()).toMarkdown());
  }

  @Test
  void csvNumbersKeepEveryDigitADoubleHoldsButNotTheNoiseOfADifference(@TempDir Path work) throws IOException {
    new Board("gains", List.of("model", "gain", "flops", "best", "seeds"),
        List.of(List.of("rrn", 0.11 - 0.0000000000000000139, 2.02e9, 0.7603, 3), List.of("deq", 1.0 - 0.89, 5.8801e-6,
            1.0, 1))).writeCsv(work);
    assertEquals(List.of("model,gain,flops,best,seeds", "rrn,0.11,2.02E+9,0.7603,3", "deq,0.11,0.0000058801,1,1"),
        Files.readAllLines(work.resolve("gains.csv")));
  }
}
