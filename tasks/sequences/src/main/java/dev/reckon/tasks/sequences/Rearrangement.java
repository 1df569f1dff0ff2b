package dev.reckon.tasks.sequences;

import java.util.Arrays;

/** What a string task asks of its input: the task's id, its answer and its lengths. */
enum Rearrangement {
  SORTING("sorting", "the input's tokens in ascending order", 4, 6, 8, 12, 16) {
    @Override
    int[] answer(int[] input) {
      int[] sorted = input.clone();
      Arrays.sort(sorted);
      return sorted;
    }
  },
  COPY("copy", "the input as it is", 4, 6, 8, 12) {
    @Override
    int[] answer(int[] input) {
      return input.clone();
    }
  },
  REVERSE("reverse", "the input backwards", 4, 6, 8, 12) {
    @Override
    int[] answer(int[] input) {
      int[] reversed = new int[input.length];
      for (int i = 0; i < input.length; i++) {
        reversed[i] = input[input.length - 1 - i];
      }
      return reversed;
    }
  };

  private final String taskId;
  private final String meaning;
  private final int[] lengths;

  Rearrangement(String taskId, String meaning, int... lengths) {
    this.taskId = taskId;
    this.meaning = meaning;
    this.lengths = lengths;
  }

  abstract int[] answer(int[] input);

  String taskId() {
    return taskId;
  }

  /** What the answer is, for descriptions. */
  String meaning() {
    return meaning;
  }

  /** The input lengths of the levels, ascending. */
  int[] lengths() {
    return lengths.clone();
  }
}
