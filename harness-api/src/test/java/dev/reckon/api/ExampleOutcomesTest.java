package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ExampleOutcomesTest {
  @Test
  void theScoreIsTheProportionOfTheExamplesCounted() {
    BitSet counted = new BitSet();
    counted.set(1, 4);
    assertEquals(Score.proportion("puzzle_accuracy", 8, 3, 5),
        new ExampleOutcomes("puzzle_accuracy", 8, 5, counted).score());
  }

  @Test
  void theOutcomesAreTheirOwnAndHoldNoExampleBeyondN() {
    BitSet counted = new BitSet();
    counted.set(0);
    ExampleOutcomes outcomes = new ExampleOutcomes("m", 1, 2, counted);
    counted.set(1);
    outcomes.counted().set(1);
    assertEquals(1, outcomes.counted().cardinality(), "neither the caller's set nor a read one changes them");
    BitSet beyond = new BitSet();
    beyond.set(2);
    assertThrows(IllegalArgumentException.class, () -> new ExampleOutcomes("m", 1, 2, beyond));
    assertThrows(IllegalArgumentException.class, () -> new ExampleOutcomes("m", 1, 0, new BitSet()));
  }
}
