package dev.reckon.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

  @Test
  void numbersReadTheSameInEveryLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("0.5", Numbers.text(0.5));
      assertEquals("1234.125", Numbers.text(1234.125));
      assertEquals("1.23e6", Numbers.text(1234567.125));
      assertEquals("2.02e9", Numbers.text(2.02e9));
    } finally {
      Locale.setDefault(before);
    }
    assertEquals("-1e-4", Numbers.text(-0.0001));
    assertEquals("5.88e-6", Numbers.text(5.8801e-6));
    assertEquals("0", Numbers.text(0.0));
    assertEquals("", Numbers.text(Double.NaN));
    assertEquals("+0.3", Numbers.change(0.3));
    assertEquals("-0.3", Numbers.change(-0.3));
    assertEquals("0", Numbers.change(0.0001));
    assertEquals("[0.963, 1]", Numbers.interval(0.9630065, 1.0));
  }
}
