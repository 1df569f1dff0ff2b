package dev.reckon.reports.claims;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultSelectionTest {
  @Test
  void wildcardsMatchRunsOfCharacters() {
    assertTrue(ResultSelection.matches("contrastive-d*", "contrastive-d512"));
    assertTrue(ResultSelection.matches("sudoku-*", "sudoku-9x9"));
    assertTrue(ResultSelection.matches("rrn", "rrn"));
    assertFalse(ResultSelection.matches("rrn", "rrn-2"));
    assertFalse(ResultSelection.matches("set-2.", "set-27"), "only * is special");
    assertTrue(ResultSelection.matches("file:*", "file:/puzzles/expert.txt"));
  }
}
