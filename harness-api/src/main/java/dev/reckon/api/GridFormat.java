package dev.reckon.api;

import java.util.Locale;

/**
 * A grid of cells in, a label on every cell out: mark the path through a maze, give the running
 * parity of a bit string (a string is a grid of one row). {@link GridDataset} and {@link
 * LabelingPredictions}, a cell being a node numbered row by row.
 *
 * <p>A cell's answer is declared to follow from its side neighbours' (a lattice, a chain for one
 * row), so a convolutional network reads the grid as an image and a graph network reads it as
 * {@link GridDataset#lattice()}.
 *
 * <p>The encoding contract. A <b>channel</b> is one real number the task tells of every cell, the
 * same meaning at every cell ({@code cells[example][cell][channel]}); models read the values as
 * they are, with no embedding. So a categorical fact takes one channel a category, each 0 or 1 (a
 * maze's wall, start and goal), and a quantity one channel, scaled to about [0, 1] (prefix sums'
 * bit is 0 or 1). A category given as a scalar (0, 1, 2 for wall, start, goal) is read as an
 * ordered quantity and learnt poorly. A <b>label</b> is the answer of a cell, one of the classes {@code
 * 1..labels}, which models score one by one (the cross-entropy over them), with no order
 * between them. What the built-in grid models expect: the DT-Nets read each channel as an input
 * plane of their first convolution (padded to whole blocks of 16 channels), the graph networks
 * (rrn, deq-gnn) a cell's channels as its node's features on the lattice ({@link
 * GridDataset#asGraphs()}); both learn to run longer on larger grids, so a level is a grid size.
 *
 * @param dimensions 1 when every grid is one row (a string), 2 for rows and columns
 * @param channels the number of values the task tells of each cell (wall, start, goal; a bit)
 * @param labels the number of distinct labels
 */
public record GridFormat(int dimensions, int channels, int labels) implements Format {
  public static final String ID = "grid";

  public GridFormat {
    if (dimensions != 1 && dimensions != 2) {
      throw new IllegalArgumentException("a grid has 1 or 2 dimensions, got " + dimensions);
    }
    if (channels < 1 || labels < 1) {
      throw new IllegalArgumentException("channels and labels must be positive, got " + channels + ", " + labels);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "grid: %s, %s a cell in, a label in 1..%d on every cell out",
        dimensions == 1 ? "one row" : "rows and columns", channels == 1 ? "one value" : channels + " values", labels);
  }
}
