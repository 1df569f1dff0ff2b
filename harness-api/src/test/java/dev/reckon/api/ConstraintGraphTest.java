package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintGraphTest {
  @Test
  void neighboursAreTheUnionOfGroupsWithoutDuplicates() {
    // Nodes 0-1-2 in one group, 2-3 in another, 0-1 again in a third.
    ConstraintGraph graph = new ConstraintGraph(4, List.of(new int[] {0, 1, 2}, new int[] {2, 3}, new int[] {0, 1}));
    assertArrayEquals(new int[] {1, 2}, graph.neighbours(0));
    assertArrayEquals(new int[] {0, 1, 3}, graph.neighbours(2));
    assertArrayEquals(new int[] {2}, graph.neighbours(3));
    assertEquals(8, graph.edgeSources().length, "each of the 4 undirected edges in both directions");
    for (int e = 0; e < graph.edgeSources().length; e++) {
      int from = graph.edgeSources()[e];
      int to = graph.edgeTargets()[e];
      assertTrue(from != to && java.util.Arrays.binarySearch(graph.neighbours(from), to) >= 0);
    }
  }

  @Test
  void aGroupNamingAMissingNodeIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ConstraintGraph(3, List.of(new int[] {0, 3})));
    assertTrue(error.getMessage().contains("node 3 of 3"), error.getMessage());
  }

  @Test
  void datasetsHideTheirAnswers() {
    ConstraintGraph graph = new ConstraintGraph(2, List.<int[]>of(new int[] {0, 1}));
    LabelingDataset data = new LabelingDataset(graph, 2, new int[][] {{1, 0}}, new int[][] {{1, 2}});
    assertTrue(data.hasAnswers());
    assertEquals(null, data.withoutAnswers().solutions());
    assertArrayEquals(data.givens(), data.withoutAnswers().givens());
  }
}
