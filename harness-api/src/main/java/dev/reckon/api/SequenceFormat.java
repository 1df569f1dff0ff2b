package dev.reckon.api;

import java.util.Locale;

/**
 * Token sequence in, token sequence out (sorting, copying, a path as a city sequence): {@link
 * SequenceDataset} and {@link SequencePredictions}. Tokens are {@code 0..vocabulary-1}.
 *
 * @param vocabulary the number of distinct tokens, in inputs and outputs alike
 * @param maxInputLength the longest input of any level
 * @param maxOutputLength the longest answer of any level; predictions may not be longer
 */
public record SequenceFormat(int vocabulary, int maxInputLength, int maxOutputLength) implements Format {
  public static final String ID = "sequence";

  public SequenceFormat {
    if (vocabulary < 1 || maxInputLength < 1 || maxOutputLength < 1) {
      throw new IllegalArgumentException("vocabulary and lengths must be positive, got " + vocabulary + ", "
          + maxInputLength + ", " + maxOutputLength);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "sequence: %d tokens, inputs up to %d, outputs up to %d", vocabulary,
        maxInputLength, maxOutputLength);
  }
}
