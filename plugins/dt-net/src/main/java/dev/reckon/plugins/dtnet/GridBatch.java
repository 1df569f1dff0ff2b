package dev.reckon.plugins.dtnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import java.util.List;

/**
 * Examples of K seeds' {@link GridDataset}s as the network reads them ({@link
 * DeepThinkingNetwork}), channels first with the seeds along the channels: {@code (B, K C, H, W)},
 * batch row b holding seed k's example b in channels {@code k C .. (k + 1) C - 1}, a string being a
 * grid of one row. Every seed's batch has B examples, of grids of one size.
 */
final class GridBatch {
  private GridBatch() {}

  /** The shape of {@code batch} grids of {@code data} for each of {@code seeds} seeds. */
  static Shape shape(GridDataset data, GridFormat format, int seeds, int batch) {
    return new Shape(batch, (long) seeds * format.channels(), data.rows(), data.columns());
  }

  /** The cells of seed k's {@code examples.get(k)} of {@code data.get(k)}, as a float32 array in {@code manager}. */
  static NDArray inputs(NDManager manager, List<GridDataset> data, GridFormat format, List<int[]> examples) {
    int seeds = data.size();
    int batch = examples.get(0).length;
    int cells = data.get(0).cellCount();
    int channels = format.channels();
    float[] flat = new float[batch * seeds * channels * cells];
    for (int b = 0; b < batch; b++) {
      for (int k = 0; k < seeds; k++) {
        float[][] grid = data.get(k).cells()[examples.get(k)[b]];
        for (int cell = 0; cell < cells; cell++) {
          for (int channel = 0; channel < channels; channel++) {
            flat[((b * seeds + k) * channels + channel) * cells + cell] = grid[cell][channel];
          }
        }
      }
    }
    return manager.create(flat, shape(data.get(0), format, seeds, batch));
  }

  /** The answers of seed k's {@code examples.get(k)} as classes {@code 0 .. labels - 1}, {@code (K, B, cells)} int64. */
  static NDArray targets(NDManager manager, List<GridDataset> data, List<int[]> examples) {
    int batch = examples.get(0).length;
    int cells = data.get(0).cellCount();
    long[] flat = new long[data.size() * batch * cells];
    for (int k = 0; k < data.size(); k++) {
      for (int b = 0; b < batch; b++) {
        int[] answer = data.get(k).answers()[examples.get(k)[b]];
        for (int cell = 0; cell < cells; cell++) {
          flat[(k * batch + b) * cells + cell] = answer[cell] - 1;
        }
      }
    }
    return manager.create(flat, new Shape(data.size(), batch, cells));
  }

  /** Logits {@code (B, K labels, H, W)} of {@code seeds} seeds as {@code (K, B, cells, labels)}, a row a cell. */
  static NDArray cellRows(NDArray logits, int seeds) {
    Shape shape = logits.getShape();
    return logits.reshape(shape.get(0), seeds, shape.get(1) / seeds, -1).transpose(1, 0, 3, 2);
  }

  /** Each cell's most likely label {@code 1 .. labels}, {@code [K * B * cells]} seed by seed, row by row. */
  static long[] labels(NDArray logits, int seeds) {
    long[] classes = cellRows(logits, seeds).argMax(-1).toLongArray();
    for (int i = 0; i < classes.length; i++) {
      classes[i]++;
    }
    return classes;
  }
}
