package dev.reckon.tasks.setgame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReachableSubsetsTest {
  /** The search agrees with trying every choice of pairs and operators, on a 9-card deck. */
  @ParameterizedTest
  @EnumSource(value = SetGame.class, names = {"UNION", "SYMDIFF"})
  void theSearchFindsExactlyTheAnswersOfEveryQuery(SetGame game) {
    SetDeck deck = new SetDeck(2, 3);
    List<BitSet> pairAnswers = PairQueries.matrix(deck, SetGame.WILDCARD).distinctAnswers();
    Set<BitSet> answers = new HashSet<>();
    SetOperator[] operators = game == SetGame.UNION
        ? new SetOperator[] {SetOperator.UNION}
        : SetOperator.values();
    for (BitSet first : pairAnswers) {
      for (SetOperator op1 : operators) {
        for (BitSet second : pairAnswers) {
          for (SetOperator op2 : operators) {
            for (BitSet third : pairAnswers) {
              BitSet answer = (BitSet) first.clone();
              op1.applyTo(answer, second);
              op2.applyTo(answer, third);
              if (!answer.isEmpty()) {
                answers.add(answer);
              }
            }
          }
        }
      }
    }
    ReachableSubsets reachable = ReachableSubsets.search(deck, game, 3, pairAnswers);
    assertEquals(answers.size(), reachable.count());
    Set<BitSet> listed = new HashSet<>();
    for (int mask = reachable.nextAnswer(0); mask >= 0; mask = reachable.nextAnswer(mask + 1)) {
      listed.add(ReachableSubsets.cards(mask));
    }
    assertEquals(answers, listed);
  }

  /** Counts of three pairs on 27 cards, also found by a separate program while designing the task. */
  @Test
  void threePairsOnTwentySevenCards() {
    SetDeck deck = new SetDeck(3, 3);
    List<BitSet> pairAnswers = PairQueries.matrix(deck, SetGame.WILDCARD).distinctAnswers();
    assertEquals(64, pairAnswers.size());
    assertEquals(64, ReachableSubsets.search(deck, SetGame.UNION, 1, pairAnswers).count());
    assertEquals(28_666, ReachableSubsets.search(deck, SetGame.UNION, 3, pairAnswers).count());
    assertEquals(45_919, ReachableSubsets.search(deck, SetGame.SYMDIFF, 3, pairAnswers).count());
  }

  @Test
  void largerDecksAreRefused() {
    SetDeck deck = new SetDeck(4, 3);
    assertThrows(IllegalArgumentException.class,
        () -> ReachableSubsets.search(deck, SetGame.UNION, 8, List.of()));
  }
}
