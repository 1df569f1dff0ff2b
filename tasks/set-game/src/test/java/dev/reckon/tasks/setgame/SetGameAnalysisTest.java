package dev.reckon.tasks.setgame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetGameAnalysisTest {
  private final SetGameAnalysis analysis = new SetGameAnalysis();

  @Test
  void theDefaultIsTheSharedAttributeGameOnTwentySevenCards() {
    String report = analysis.run(Map.of());
    assertTrue(report.contains("shared-attribute on the 27-card deck (3 attributes x 3 values)"), report);
    assertTrue(report.contains("queries: 351, every unordered pair of distinct cards"), report);
    assertTrue(report.contains("queries with an empty answer (never drawn): 108"), report);
    assertTrue(report.contains("distinct answer subsets: 36 = 2^5.17 (exact"), report);
    assertTrue(report.contains("match matrix rank: 19 of 27 keys (exact over the rationals"), report);
  }

  @Test
  void theSetGameOnEightyOneCardsHasFullRank() {
    String report = analysis.run(Map.of("attributes", "4", "values", "3", "game", "set"));
    assertTrue(report.contains("queries: 3240"), report);
    assertTrue(report.contains("distinct answer subsets: 81 = 2^6.34 (exact"), report);
    assertTrue(report.contains("match matrix rank: 81 of 81 keys"), report);
  }

  @Test
  void wildcardsOnTwentySevenCardsGiveSixtyFourSubsets() {
    String report = analysis.run(Map.of("game", "wildcard"));
    assertTrue(report.contains("distinct answer subsets: 64 = 2^6.00 (exact"), report);
    assertTrue(report.contains("match matrix rank: 27 of 27 keys"), report);
  }

  @Test
  void shatterIsCountedWithoutListingItsQueries() {
    String report = analysis.run(Map.of("attributes", "4", "game", "shatter"));
    assertTrue(report.contains("2^81 - 1 = 2417851639229258349412351"), report);
    assertTrue(report.contains("match matrix rank: 81 of 81 keys"), report);
  }

  @Test
  void unionOnASmallDeckIsSearchedAndOnALargeDeckSampled() {
    String searched = analysis.run(Map.of("game", "union", "m", "2"));
    assertTrue(searched.contains("distinct answer subsets: 1801 = 2^10.81 (exact: breadth-first search"), searched);
    String sampled = analysis.run(Map.of("attributes", "4", "game", "symdiff", "samples", "300", "seed", "5"));
    assertTrue(sampled.contains("300 sampled with seed 5"), sampled);
    assertTrue(sampled.contains("(lower bound: every set of at most 8 cards is an answer)"), sampled);
    assertEquals(sampled, analysis.run(Map.of("attributes", "4", "game", "symdiff", "samples", "300", "seed", "5")));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "colour, red, unknown option 'colour'",
      "attributes, three, option 'attributes' must be a whole number, got 'three'",
      "attributes, 0, option 'attributes' must be a whole number from 1",
      "values, 1, option 'values' must be a whole number from 2",
      "attributes, 9, options 'attributes' and 'values': a deck of 9 attributes x 3 values has 19683 cards",
      "game, poker, option 'game': no SET game 'poker'; the games are shared-attribute, set, wildcard",
      "m, 3, option 'm' applies to union and symdiff only, not to shared-attribute",
      "samples, 10, option 'samples' applies only where queries are sampled",
      "seed, 2, option 'seed' applies only where queries are sampled",
  })
  void malformedOptionsNameTheOptionAndTheReason(String name, String value, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> analysis.run(Map.of(name, value)));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void setGamesNeedThreeValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> analysis.run(Map.of("values", "2", "game", "set")));
    assertTrue(e.getMessage().startsWith("option 'game': game set needs at least 3 values"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> analysis.run(Map.of("game", "union", "m", "0")));
    assertThrows(IllegalArgumentException.class, () -> analysis.run(Map.of("game", " ")));
  }
}
