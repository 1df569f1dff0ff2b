package dev.reckon.tasks.setgame;

import static dev.reckon.tasks.setgame.PairRule.WILDCARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryEvaluatorTest {
  private final SetDeck deck = new SetDeck(3, 3);
  private final SetVocabulary vocabulary = new SetVocabulary(deck);
  private final QueryEvaluator evaluator = new QueryEvaluator(deck);

  @Test
  void aSetPairNamesTheCardCompletingIt() {
    // Values 0,0 -> 0; 1,2 -> 0; 2,2 -> 2.
    BitSet answer = evaluator.evaluate(pair(new int[] {0, 1, 2}, SetVocabulary.COMPLETES, new int[] {0, 2, 2}));
    assertEquals(cards(deck.card(0, 0, 2)), answer);
  }

  @Test
  void theSetRuleWithThreeValuesIsMinusTheSumModuloThree() {
    SetDeck deck = new SetDeck(4, 3);
    for (int a = 0; a < deck.size(); a++) {
      for (int b = a + 1; b < deck.size(); b++) {
        int[] first = values(deck, a);
        int[] second = values(deck, b);
        int[] third = new int[4];
        for (int k = 0; k < 4; k++) {
          third[k] = Math.floorMod(-first[k] - second[k], 3);
        }
        assertEquals(cards(deck.card(third)), PairRule.COMPLETES.answer(deck, first, second));
      }
    }
  }

  @Test
  void aWildcardFreesItsAttribute() {
    // Attribute 0: 0 and 1 -> 2; attributes 1 and 2 hold '*' on one card: free. Nine cards (2, *, *).
    BitSet answer = evaluator.evaluate(
        pair(new int[] {0, WILDCARD, 1}, SetVocabulary.COMPLETES, new int[] {1, 2, WILDCARD}));
    BitSet expected = new BitSet();
    IntStream.range(0, 9).forEach(i -> expected.set(deck.card(2, i / 3, i % 3)));
    assertEquals(expected, answer);
  }

  @Test
  void aSharedAttributePairNamesTheCardsHoldingAValueTheyShare() {
    // The cards share value 0 on attribute 0 and value 2 on attribute 2: 9 + 9 - 3 cards.
    BitSet answer = evaluator.evaluate(pair(new int[] {0, 1, 2}, SetVocabulary.SHARES, new int[] {0, 2, 2}));
    assertEquals(15, answer.cardinality());
    for (int card = 0; card < deck.size(); card++) {
      assertEquals(deck.value(card, 0) == 0 || deck.value(card, 2) == 2, answer.get(card));
    }
  }

  @Test
  void operatorsAreEvaluatedLeftToRight() {
    // P1 = (0,0,*): {000, 001, 002}; P2 = (0,*,0): {000, 010, 020}; P3 = {000}.
    // (P1 symdiff P2) union P3 = {000, 001, 002, 010, 020}; P1 symdiff (P2 union P3) would lack 000.
    int[] p1 = pair(new int[] {0, 0, WILDCARD}, SetVocabulary.COMPLETES, new int[] {0, 0, 0});
    int[] p2 = pair(new int[] {0, WILDCARD, 0}, SetVocabulary.COMPLETES, new int[] {0, 1, 0});
    int[] p3 = pair(new int[] {1, 1, 1}, SetVocabulary.COMPLETES, new int[] {2, 2, 2});
    int[] query = IntStream.concat(IntStream.concat(IntStream.of(p1), IntStream.of(SetVocabulary.SYMDIFF)),
        IntStream.concat(IntStream.concat(IntStream.of(p2), IntStream.of(SetVocabulary.UNION)), IntStream.of(p3)))
        .toArray();
    assertEquals(cards(deck.card(0, 0, 0), deck.card(0, 0, 1), deck.card(0, 0, 2), deck.card(0, 1, 0),
        deck.card(0, 2, 0)), evaluator.evaluate(query));
  }

  @Test
  void aShatterQueryNamesItsCards() {
    int[] query = new int[deck.size()];
    Arrays.fill(query, SetVocabulary.OUT);
    query[3] = SetVocabulary.IN;
    query[26] = SetVocabulary.IN;
    assertEquals(cards(3, 26), evaluator.evaluate(query));
  }

  @Test
  void malformedQueriesAreRefused() {
    int[] pair = pair(new int[] {0, 1, 2}, SetVocabulary.COMPLETES, new int[] {0, 2, 2});
    assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(new int[] {1, 2}));
    int[] badJoiner = pair.clone();
    badJoiner[3] = SetVocabulary.UNION;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(badJoiner))
        .getMessage().contains("not a pair joiner"));
    int[] badValue = pair.clone();
    badValue[0] = vocabulary.valueToken(1, 0); // a value of attribute 1 in attribute 0's place
    assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(badValue));
    int[] shortShatter = {SetVocabulary.IN, SetVocabulary.OUT};
    assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(shortShatter));
  }

  private int[] pair(int[] first, int joiner, int[] second) {
    return IntStream.concat(IntStream.concat(IntStream.of(vocabulary.cardTokens(first)), IntStream.of(joiner)),
        IntStream.of(vocabulary.cardTokens(second))).toArray();
  }

  private static int[] values(SetDeck deck, int card) {
    return IntStream.range(0, deck.attributes()).map(k -> deck.value(card, k)).toArray();
  }

  private static BitSet cards(int... cards) {
    BitSet set = new BitSet();
    IntStream.of(cards).forEach(set::set);
    return set;
  }
}
