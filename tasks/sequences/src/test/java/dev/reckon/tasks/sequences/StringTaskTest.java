package dev.reckon.tasks.sequences;

import static dev.reckon.tasks.sequences.Scores.value;
import static dev.reckon.tasks.sequences.StringTask.SEQUENCE_ACCURACY;
import static dev.reckon.tasks.sequences.StringTask.TOKEN_ACCURACY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.reckon.api.Level;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StringTaskTest {
  @ParameterizedTest
  @EnumSource(Rearrangement.class)
  void theReferenceSolverScoresPerfectlyOnEveryLevel(Rearrangement rearrangement) {
    StringTask task = new StringTask(rearrangement, 10);
    for (Level level : task.levels()) {
      SequenceDataset data = task.generate(level, 100, 3);
      SequencePredictions solved = (SequencePredictions) task.referenceSolver().orElseThrow()
          .solve(data.withoutAnswers());
      data.check(solved);
      List<Score> scores = task.score(data, solved);
      assertEquals(1.0, value(scores, SEQUENCE_ACCURACY, 1), level.id());
      assertEquals(1.0, value(scores, TOKEN_ACCURACY, 1), level.id());
      assertEquals(level.difficulty(), data.inputs()[0].length);
    }
  }

  @Test
  void levelsByLength() {
    assertEquals(List.of("n4", "n6", "n8", "n12", "n16"), levels(Rearrangement.SORTING));
    assertEquals(List.of("n4", "n6", "n8", "n12"), levels(Rearrangement.COPY));
    assertEquals(List.of("n4", "n6", "n8", "n12"), levels(Rearrangement.REVERSE));
  }

  @Test
  void answersAreSortedCopiedAndReversed() {
    int[] input = {3, 1, 2, 1};
    assertArrayEquals(new int[] {1, 1, 2, 3}, Rearrangement.SORTING.answer(input));
    assertArrayEquals(new int[] {3, 1, 2, 1}, Rearrangement.COPY.answer(input));
    assertArrayEquals(new int[] {1, 2, 1, 3}, Rearrangement.REVERSE.answer(input));
    assertArrayEquals(new int[] {3, 1, 2, 1}, input, "the input is left as it was");
  }

  @Test
  void aMissingOrAnExtraTokenIsAWrongPosition() {
    StringTask task = new StringTask(Rearrangement.COPY, 10);
    SequenceDataset data = new SequenceDataset(10, 12, new int[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 9, 9, 9}},
        new int[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 9, 9, 9}});
    // Three right of four and one short; four right and one extra; nothing.
    List<Score> scores = task.score(data, new SequencePredictions(new int[] {2},
        new int[][][] {{{1, 2, 3}, {5, 6, 7, 8, 0}, {}}}));
    assertEquals(0.0, value(scores, SEQUENCE_ACCURACY, 2));
    assertEquals((3 + 4) / (4.0 + 5 + 4), value(scores, TOKEN_ACCURACY, 2), 1e-12);
  }

  @Test
  void aMixedLevelDrawsEveryLengthOfItsRangeAndNoOther() {
    StringTask task = new StringTask(Rearrangement.SORTING, 10);
    Level mix = task.level("n2-6");
    assertEquals(6, mix.difficulty());
    SequenceDataset data = task.generate(mix, 500, 3);
    assertEquals(Set.of(2, 3, 4, 5, 6), Arrays.stream(data.inputs()).map(input -> input.length)
        .collect(Collectors.toSet()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> task.level("n6-2"));
    assertEquals("level 'n6-2' mixes lengths 6 to 2; they must run upwards from at least 1 to at most 16",
        e.getMessage());
  }

  @Test
  void theDataSeedDecidesTheStrings() {
    StringTask task = new StringTask(Rearrangement.SORTING, 10);
    SequenceDataset first = task.generate(task.level("n8"), 40, 1);
    SequenceDataset again = new StringTask(Rearrangement.SORTING, 10).generate(task.level("n8"), 40, 1);
    assertArrayEquals(first.inputs(), again.inputs());
    assertArrayEquals(first.targets(), again.targets());
    assertFalse(Arrays.deepEquals(first.inputs(), task.generate(task.level("n8"), 40, 2).inputs()));
  }

  private static List<String> levels(Rearrangement rearrangement) {
    return new StringTask(rearrangement, 10).levels().stream().map(Level::id).toList();
  }
}
