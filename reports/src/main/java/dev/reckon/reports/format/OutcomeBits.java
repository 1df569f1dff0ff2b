package dev.reckon.reports.format;

import java.util.BitSet;
import java.util.HexFormat;

/**
 * The {@link RunFormat.Column#OUTCOMES} of outcomes.csv: which of {@code n} examples a proportion
 * counted, as {@code ceil(n / 8)} bytes in lowercase hexadecimal, example {@code i} being bit
 * {@code i % 8} of byte {@code i / 8} (the order of {@link BitSet#toByteArray}). 500 examples take
 * 126 characters.
 */
public final class OutcomeBits {
  private static final HexFormat HEX = HexFormat.of();

  private OutcomeBits() {}

  public static String encode(BitSet counted, int n) {
    if (counted.length() > n) {
      throw new IllegalArgumentException("example " + (counted.length() - 1) + " counted of " + n);
    }
    byte[] bytes = new byte[(n + 7) / 8];
    byte[] set = counted.toByteArray();
    System.arraycopy(set, 0, bytes, 0, set.length);
    return HEX.formatHex(bytes);
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not {@code ceil(n / 8)} bytes of
   *     hexadecimal, or counts an example at {@code n} or above
   */
  public static BitSet decode(String text, int n) {
    if (n < 1 || text.length() != (n + 7) / 8 * 2) {
      throw new IllegalArgumentException("'" + (text.length() > 20 ? text.substring(0, 20) + "..." : text)
          + "' is not the outcomes of " + n + " examples: that takes " + (n + 7) / 8 * 2 + " hexadecimal digits");
    }
    BitSet counted;
    try {
      counted = BitSet.valueOf(HEX.parseHex(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not hexadecimal");
    }
    if (counted.length() > n) {
      throw new IllegalArgumentException("the outcomes count example " + (counted.length() - 1) + " of " + n);
    }
    return counted;
  }
}
