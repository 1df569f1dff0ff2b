package dev.reckon.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeNamesTest {
  @Test
  void theBuiltInIdsAreSafe() {
    for (String id : List.of("rrn", "deq-gnn-stable", "contrastive-d4", "sudoku-6x6", "b16", "set-27", "v1.2_x")) {
      assertTrue(SafeNames.safe(id), id);
    }
  }

  @Test
  void namesThatCouldLeaveTheRunDirectoryAreNot() {
    for (String id : List.of("../escape", "..", "a/b", "/tmp/x", "a\\b", ".hidden", "", " rrn", "a..b",
        "x".repeat(65))) {
      assertFalse(SafeNames.safe(id), id);
    }
    assertFalse(SafeNames.safe(null));
    assertThrows(IllegalArgumentException.class, () -> SafeNames.require("model id", "../escape"));
  }
}
