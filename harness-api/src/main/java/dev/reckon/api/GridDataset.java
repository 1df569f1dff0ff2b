package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Examples that are grids of one size (a {@link GridFormat}): every example of a dataset has
 * {@code rows x columns} cells, numbered row by row; a level of a task is one size.
 *
 * @param rows the rows of every grid (1 for strings)
 * @param columns the columns of every grid
 * @param labels the number of distinct labels; answers are {@code 1..labels}
 * @param cells {@code [example][cell][channel]}: what the task tells of each cell
 * @param answers {@code [example][cell]}: the label of each cell, or {@code null} when hidden
 */
public record GridDataset(int rows, int columns, int labels, float[][][] cells, int[][] answers)
    implements Dataset {
  public GridDataset {
    requireNonNull(cells, "cells is null");
    if (rows < 1 || columns < 1) {
      throw new IllegalArgumentException("a grid needs rows and columns, got " + rows + " x " + columns);
    }
    if (answers != null && answers.length != cells.length) {
      throw new IllegalArgumentException(cells.length + " examples but " + answers.length + " answers");
    }
    for (int example = 0; example < cells.length; example++) {
      if (cells[example] == null || cells[example].length != rows * columns) {
        throw new IllegalArgumentException("example " + example + " has "
            + (cells[example] == null ? "no" : Integer.toString(cells[example].length)) + " cells for a " + rows
            + " x " + columns + " grid");
      }
    }
  }

  /** The number of cells of every grid. */
  public int cellCount() {
    return rows * columns;
  }

  /**
   * The grid as a graph: a node a cell, a group each pair of side neighbours (left-right and
   * up-down), the lattice along which the format declares answers to spread.
   */
  public ConstraintGraph lattice() {
    List<int[]> pairs = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        int cell = row * columns + column;
        if (column + 1 < columns) {
          pairs.add(new int[] {cell, cell + 1});
        }
        if (row + 1 < rows) {
          pairs.add(new int[] {cell, cell + columns});
        }
      }
    }
    return new ConstraintGraph(cellCount(), pairs);
  }

  /**
   * The grids as graphs per example, for a graph model: each its {@link #lattice()}, the cells'
   * values as node features, nothing given; the answers (when shown) as the nodes' labels.
   */
  public GraphLabelingDataset asGraphs() {
    ConstraintGraph[] graphs = new ConstraintGraph[size()];
    Arrays.fill(graphs, lattice());
    return new GraphLabelingDataset(graphs, labels, new int[size()][cellCount()], answers, cells);
  }

  @Override
  public int size() {
    return cells.length;
  }

  @Override
  public GridDataset withoutAnswers() {
    return new GridDataset(rows, columns, labels, cells, null);
  }

  @Override
  public boolean hasAnswers() {
    return answers != null;
  }

  @Override
  public GridDataset copy() {
    return new GridDataset(rows, columns, labels, Shapes.copy(cells), Shapes.copy(answers));
  }

  @Override
  public boolean writeCanonical(DataOutput out) throws IOException {
    CanonicalForm.shape(out, "grid");
    out.writeInt(rows);
    out.writeInt(columns);
    out.writeInt(labels);
    CanonicalForm.floats(out, cells);
    CanonicalForm.ints(out, answers);
    return true;
  }

  @Override
  public void check(Predictions predictions) {
    LabelingPredictions labelling = Shapes.as(LabelingPredictions.class, predictions, "a grid dataset");
    labelling.requireLabels(size(), example -> cellCount(), labels);
  }
}
