package dev.reckon.plugins.dtnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;

/**
 * Examples of a {@link GridDataset} as the network reads them, channels first: {@code (B, C, H,
 * W)}, a string being a grid of one row.
 */
final class GridBatch {
  private GridBatch() {}

  /** The shape of {@code batch} grids of {@code data}. */
  static Shape shape(GridDataset data, GridFormat format, int batch) {
    return new Shape(batch, format.channels(), data.rows(), data.columns());
  }

  /** The cells of {@code examples} as a float32 array in {@code manager}. */
  static NDArray inputs(NDManager manager, GridDataset data, GridFormat format, int[] examples) {
    int cells = data.cellCount();
    int channels = format.channels();
    float[] flat = new float[examples.length * channels * cells];
    for (int b = 0; b < examples.length; b++) {
      float[][] grid = data.cells()[examples[b]];
      for (int cell = 0; cell < cells; cell++) {
        for (int channel = 0; channel < channels; channel++) {
          flat[(b * channels + channel) * cells + cell] = grid[cell][channel];
        }
      }
    }
    return manager.create(flat, shape(data, format, examples.length));
  }

  /** The answers of {@code examples} as classes {@code 0 .. labels - 1}, {@code (B, cells)} int64. */
  static NDArray targets(NDManager manager, GridDataset data, int[] examples) {
    int cells = data.cellCount();
    long[] flat = new long[examples.length * cells];
    for (int b = 0; b < examples.length; b++) {
      int[] answer = data.answers()[examples[b]];
      for (int cell = 0; cell < cells; cell++) {
        flat[b * cells + cell] = answer[cell] - 1;
      }
    }
    return manager.create(flat, new Shape(examples.length, cells));
  }

  /** Logits {@code (B, labels, H, W)} as {@code (B, cells, labels)}, a row a cell. */
  static NDArray cellRows(NDArray logits) {
    Shape shape = logits.getShape();
    return logits.reshape(shape.get(0), shape.get(1), -1).transpose(0, 2, 1);
  }

  /** Each cell's most likely label {@code 1 .. labels}, {@code [B * cells]} row by row. */
  static long[] labels(NDArray logits) {
    long[] classes = cellRows(logits).argMax(-1).toLongArray();
    for (int i = 0; i < classes.length; i++) {
      classes[i]++;
    }
    return classes;
  }
}
