package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code reckon analyze} runs a plugin's analysis: the SET games' match-matrix ranks. */
class AnalyzeTest {
  @Test
  void sharedAttributeRanksAreTheResearchNotesAndTheSetRuleIsFullRank() {
    assertRank(Cli.reckon("analyze", "set-game", "--attributes", "3", "--values", "3"), "19 of 27");
    assertRank(Cli.reckon("analyze", "set-game", "--attributes", "4", "--values", "3"), "65 of 81");
    assertRank(Cli.reckon("analyze", "set-game", "--attributes", "3", "--values", "3", "--game", "set"), "27 of 27");
  }

  @Test
  void badOptionsAndUnknownAnalysesAreUsageErrors() {
    Cli.Outcome unknown = Cli.reckon("analyze", "chess");
    assertEquals(2, unknown.status(), unknown::toString);
    assertTrue(unknown.err().contains("unknown analysis id 'chess'; the discovered analyses are set-game"),
        unknown::toString);
    Cli.Outcome bad = Cli.reckon("analyze", "set-game", "--attributes", "three");
    assertEquals(2, bad.status(), bad::toString);
    assertTrue(bad.err().contains("option 'attributes' must be a whole number, got 'three'"), bad::toString);
  }

  private static void assertRank(Cli.Outcome outcome, String rank) {
    assertEquals(0, outcome.status(), outcome::toString);
    assertTrue(outcome.out().contains("match matrix rank: " + rank), outcome::toString);
  }
}
