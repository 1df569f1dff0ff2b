package dev.reckon.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A grid's lattice, its copies and the check of labels a cell. */
class GridDatasetTest {
  private static float[][][] blank(int examples, int cells) {
    return new float[examples][cells][1];
  }

  @Test
  void theLatticeJoinsEachCellToItsSideNeighboursOnly() {
    ConstraintGraph lattice = new GridDataset(2, 3, 2, blank(1, 6), null).lattice();
    assertEquals(6, lattice.nodes());
    assertArrayEquals(new int[] {1, 3}, lattice.neighbours(0));
    assertArrayEquals(new int[] {1, 3, 5}, lattice.neighbours(4));
    assertEquals(2 * 7, lattice.edgeSources().length, "7 side pairs in a 2 x 3 grid, each edge both ways");
    ConstraintGraph chain = new GridDataset(1, 4, 2, blank(1, 4), null).lattice();
    assertEquals(List.of(1), List.of(chain.neighbours(0).length));
    assertArrayEquals(new int[] {1, 3}, chain.neighbours(2));
  }

  @Test
  void asGraphsEveryExampleIsItsLatticeWithTheCellsAsFeatures() {
    GridDataset grids = new GridDataset(2, 2, 2, new float[][][] {{{1f}, {0f}, {0f}, {1f}}}, new int[][] {{2, 1, 1, 2}});
    GraphLabelingDataset graphs = grids.asGraphs();
    assertEquals(grids.lattice(), graphs.graphs()[0]);
    assertArrayEquals(new int[] {0, 0, 0, 0}, graphs.givens()[0], "nothing is given");
    assertArrayEquals(new int[] {2, 1, 1, 2}, graphs.solutions()[0]);
    assertEquals(1f, graphs.features()[0][3][0]);
    assertEquals(null, grids.withoutAnswers().asGraphs().solutions());
  }

  @Test
  void aCopySharesNoArray() {
    GridDataset original = new GridDataset(1, 2, 2, new float[][][] {{{1f}, {0f}}}, new int[][] {{2, 1}});
    GridDataset copy = original.copy();
    copy.cells()[0][0][0] = 7f;
    copy.answers()[0][1] = 2;
    assertEquals(1f, original.cells()[0][0][0]);
    assertEquals(1, original.answers()[0][1]);
  }

  @Test
  void everyExampleMustHaveTheGridsCells() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new GridDataset(2, 2, 2, new float[][][] {new float[4][1], new float[3][1]}, null));
    assertTrue(error.getMessage().contains("example 1 has 3 cells for a 2 x 2 grid"), error.getMessage());
  }

  @Test
  void predictionsNeedALabelInRangeOnEveryCell() {
    GridDataset grids = new GridDataset(1, 3, 2, blank(1, 3), null);
    grids.check(new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 2, 1}}}));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> grids.check(new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 3, 1}}})));
    assertEquals("label 3 of node 1 is outside 1..2 of example 0 at 1 iterations", error.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> grids.check(new LabelingPredictions(new int[] {1}, new int[][][] {{{1, 2}}})));
  }
}
