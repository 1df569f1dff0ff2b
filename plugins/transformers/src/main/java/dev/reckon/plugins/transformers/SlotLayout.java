package dev.reckon.plugins.transformers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.Config;
import dev.reckon.api.SequenceFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an example becomes one row of tokens, and the answer slots' classes.
 *
 * <p>A row of {@link #length()} tokens: the input at positions {@code 0..n-1}, the pad token up to
 * the longest input, the separator at position {@code maxInputLength}, then {@code
 * maxOutputLength} slot tokens. Pads are not masked: learned positions and the pad token let the
 * layers read where an input ends. Each slot is classified over the vocabulary and one more class,
 * end; the answer is the slots before the first end.
 *
 * @param vocabulary V: tokens {@code 0..V-1}; the pad, separator and slot tokens are V, V+1 and V+2
 * @param maxInputLength the longest input
 * @param maxOutputLength S, the answer slots
 */
record SlotLayout(int vocabulary, int maxInputLength, int maxOutputLength) {
  static SlotLayout of(SequenceFormat format) {
    return new SlotLayout(format.vocabulary(), format.maxInputLength(), format.maxOutputLength());
  }

  /** Rows of the token embedding table: the vocabulary, pad, separator and slot. */
  int embeddingRows() {
    return vocabulary + 3;
  }

  /** The read-out's classes: the vocabulary and end. */
  int classes() {
    return vocabulary + 1;
  }

  /** L, the length of every row. */
  int length() {
    return maxInputLength + 1 + maxOutputLength;
  }

  /** The position of the first slot. */
  int firstSlot() {
    return maxInputLength + 1;
  }

  /**
   * Each seed's rows, stacked: {@code (K, B, L)} int32, seed k's for {@code examples.get(k)} of
   * {@code inputs.get(k)}.
   */
  NDArray rows(NDManager manager, List<int[][]> inputs, List<int[]> examples) {
    int length = length();
    int batch = examples.get(0).length;
    int[] flat = new int[examples.size() * batch * length];
    for (int k = 0; k < examples.size(); k++) {
      for (int b = 0; b < batch; b++) {
        int example = examples.get(k)[b];
        int[] input = inputs.get(k)[example];
        if (input.length > maxInputLength) {
          throw new IllegalArgumentException("input " + example + " has " + input.length
              + " tokens; the task's longest is " + maxInputLength);
        }
        requireTokens(input, "input " + example);
        int row = (k * batch + b) * length;
        System.arraycopy(input, 0, flat, row, input.length);
        Arrays.fill(flat, row + input.length, row + maxInputLength, vocabulary);
        flat[row + maxInputLength] = vocabulary + 1;
        Arrays.fill(flat, row + firstSlot(), row + length, vocabulary + 2);
      }
    }
    return manager.create(flat, new Shape(examples.size(), batch, length));
  }

  /**
   * Each seed's slots' classes, stacked: the answer, then end. {@code (K, B, S)} int64, seed k's
   * for {@code examples.get(k)} of {@code targets.get(k)}.
   */
  NDArray targets(NDManager manager, List<int[][]> targets, List<int[]> examples) {
    int batch = examples.get(0).length;
    long[] flat = new long[examples.size() * batch * maxOutputLength];
    Arrays.fill(flat, vocabulary);
    for (int k = 0; k < examples.size(); k++) {
      for (int b = 0; b < batch; b++) {
        int example = examples.get(k)[b];
        int[] answer = targets.get(k)[example];
        if (answer.length > maxOutputLength) {
          throw new IllegalArgumentException("answer " + example + " has " + answer.length
              + " tokens; the task's longest is " + maxOutputLength);
        }
        requireTokens(answer, "answer " + example);
        for (int position = 0; position < answer.length; position++) {
          flat[(k * batch + b) * maxOutputLength + position] = answer[position];
        }
      }
    }
    return manager.create(flat, new Shape(examples.size(), batch, maxOutputLength));
  }

  /** Example {@code b}'s answer from the slots' classes {@code [B * S]}: the tokens before the first end. */
  int[] answer(long[] classes, int b) {
    int[] tokens = new int[maxOutputLength];
    int length = 0;
    while (length < maxOutputLength && classes[b * maxOutputLength + length] != vocabulary) {
      tokens[length] = (int) classes[b * maxOutputLength + length];
      length++;
    }
    return Arrays.copyOf(tokens, length);
  }

  private void requireTokens(int[] tokens, String what) {
    for (int token : tokens) {
      if (token < 0 || token >= vocabulary) {
        throw new IllegalArgumentException(what + " holds token " + token + ", outside 0.." + (vocabulary - 1));
      }
    }
  }

  /** The layout as a checkpoint's shape. */
  Map<String, Object> asShape() {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("vocabulary", vocabulary);
    shape.put("maxInputLength", maxInputLength);
    shape.put("maxOutputLength", maxOutputLength);
    return shape;
  }

  /** The layout of a shape {@link #asShape} gave. */
  static SlotLayout of(Config shape) {
    return new SlotLayout(shape.getInt("vocabulary"), shape.getInt("maxInputLength"), shape.getInt("maxOutputLength"));
  }
}
