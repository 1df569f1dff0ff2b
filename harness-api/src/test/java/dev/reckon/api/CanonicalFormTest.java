package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical bytes identify a dataset: equal for a copy, different for any change, answers included. */
class CanonicalFormTest {
  private static final ConstraintGraph GRAPH = new ConstraintGraph(2, List.of(new int[] {0, 1}));

  private static byte[] bytes(Dataset data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      assertTrue(data.writeCanonical(out), "a built-in dataset defines its canonical form");
    }
    return bytes.toByteArray();
  }

  @Test
  void aCopyWritesTheSameBytesAndEveryChangeOthers() throws IOException {
    LabelingDataset data = new LabelingDataset(GRAPH, 2, new int[][] {{1, 0}}, new int[][] {{1, 2}});
    assertArrayEquals(bytes(data), bytes(data.copy()));
    List<Dataset> others = List.of(data.withoutAnswers(),
        new LabelingDataset(GRAPH, 2, new int[][] {{0, 0}}, new int[][] {{1, 2}}),
        new LabelingDataset(GRAPH, 2, new int[][] {{1, 0}}, new int[][] {{1, 1}}),
        new LabelingDataset(GRAPH, 3, new int[][] {{1, 0}}, new int[][] {{1, 2}}),
        new LabelingDataset(new ConstraintGraph(2, List.of()), 2, new int[][] {{1, 0}}, new int[][] {{1, 2}}),
        new SequenceDataset(2, 2, new int[][] {{1, 0}}, new int[][] {{1, 2}}));
    for (Dataset other : others) {
      assertFalse(Arrays.equals(bytes(data), bytes(other)), other::toString);
    }
  }

  @Test
  void arraysCarryTheirLengthsSoNoTwoSplitsOfTheSameNumbersMeet() throws IOException {
    SequenceDataset split = new SequenceDataset(4, 4, new int[][] {{1, 2}, {3}}, null);
    SequenceDataset other = new SequenceDataset(4, 4, new int[][] {{1}, {2, 3}}, null);
    assertFalse(Arrays.equals(bytes(split), bytes(other)));
  }

  @Test
  void aDatasetOfAShapeOfItsOwnDefinesNoneByDefault() throws IOException {
    Dataset foreign = new Dataset() {
      public int size() {
        return 0;
      }

      public Dataset withoutAnswers() {
        return this;
      }

      public boolean hasAnswers() {
        return false;
      }

      public Dataset copy() {
        return this;
      }

      public void check(Predictions predictions) {}
    };
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertFalse(foreign.writeCanonical(new DataOutputStream(bytes)));
    assertTrue(bytes.size() == 0);
  }
}
