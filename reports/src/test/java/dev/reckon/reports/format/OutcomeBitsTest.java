package dev.reckon.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The outcomes column: what is written reads back, example for example, and nothing else reads. */
class OutcomeBitsTest {
  @Test
  void everyBitSetRoundTripsAtEverySize() {
    SplittableRandom random = new SplittableRandom(5);
    for (int n : new int[] {1, 7, 8, 9, 63, 64, 65, 500, 1001}) {
      for (int trial = 0; trial < 20; trial++) {
        BitSet counted = new BitSet(n);
        double share = random.nextDouble();
        for (int i = 0; i < n; i++) {
          counted.set(i, random.nextDouble() < share);
        }
        String text = OutcomeBits.encode(counted, n);
        assertEquals((n + 7) / 8 * 2, text.length(), "two hexadecimal digits a byte of " + n + " examples");
        assertEquals(counted, OutcomeBits.decode(text, n));
      }
    }
  }

  @Test
  void exampleIIsBitIModEightOfByteIDivEight() {
    BitSet counted = new BitSet();
    counted.set(0);
    counted.set(9);
    counted.set(11);
    // byte 0: bit 0 -> 01; byte 1: bits 1 and 3 -> 0a
    assertEquals("010a", OutcomeBits.encode(counted, 16));
    assertEquals("010a00", OutcomeBits.encode(counted, 17), "none counted still takes its bytes");
    assertEquals("0000", OutcomeBits.encode(new BitSet(), 9));
  }

  @Test
  void malformedOutcomesAreRefusedWithTheReason() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OutcomeBits.decode("01", 9)).getMessage()
        .contains("takes 4 hexadecimal digits"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OutcomeBits.decode("zz", 8)).getMessage()
        .contains("not hexadecimal"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OutcomeBits.decode("0002", 9)).getMessage()
        .contains("example 9 of 9"));
    BitSet beyond = new BitSet();
    beyond.set(8);
    assertThrows(IllegalArgumentException.class, () -> OutcomeBits.encode(beyond, 8));
  }
}
