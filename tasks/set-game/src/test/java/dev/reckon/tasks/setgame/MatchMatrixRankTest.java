package dev.reckon.tasks.setgame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchMatrixRankTest {
  /** The seed's table of ranks for the shared-attribute game, every row of it. */
  @ParameterizedTest(name = "{0} attributes x {1} values -> rank {2}")
  @CsvSource({"2, 5, 9", "2, 6, 11", "2, 7, 13", "2, 8, 15", "2, 3, 5", "3, 3, 19", "4, 3, 65"})
  void sharedAttributeRanksMatchTheSeed(int attributes, int values, int rank) {
    MatchMatrix matrix = PairQueries.matrix(new SetDeck(attributes, values), SetGame.SHARED_ATTRIBUTE);
    assertEquals(rank, matrix.rank());
  }

  @Test
  void theSeedsTwentySevenCardMatrixHas351Queries() {
    MatchMatrix matrix = PairQueries.matrix(new SetDeck(3, 3), SetGame.SHARED_ATTRIBUTE);
    assertEquals(351, matrix.queries());
    assertEquals(36, matrix.distinctAnswerCount());
  }

  @ParameterizedTest(name = "{0} attributes -> rank {1}")
  @CsvSource({"3, 27", "4, 81"})
  void theSetRuleGivesAFullRankMatrix(int attributes, int rank) {
    assertEquals(rank, PairQueries.matrix(new SetDeck(attributes, 3), SetGame.SET).rank());
  }

  @Test
  void rankIsOverTheRationalsNotModuloTwo() {
    // {0,1} + {1,2} + {0,2} is 0 modulo 2, but the three rows are independent over the rationals.
    ExactRank rank = new ExactRank(3);
    rank.add(cards(0, 1));
    rank.add(cards(1, 2));
    rank.add(cards(0, 2));
    assertEquals(3, rank.rank());
  }

  @Test
  void dependentRowsDoNotRaiseTheRank() {
    // {0,1} + {2,3} = {0,2} + {1,3}
    ExactRank rank = new ExactRank(4);
    rank.add(cards(0, 1));
    rank.add(cards(2, 3));
    rank.add(cards(0, 2));
    assertEquals(false, rank.add(cards(1, 3)));
    assertEquals(3, rank.rank());
  }

  private static BitSet cards(int... cards) {
    BitSet set = new BitSet();
    for (int card : cards) {
      set.set(card);
    }
    return set;
  }
}
