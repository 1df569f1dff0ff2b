package dev.reckon.api;

import java.io.DataOutput;
import java.io.IOException;

/**
 * The pieces of the built-in datasets' {@link Dataset#writeCanonical} form: numbers big-endian
 * ({@link DataOutput}), a float as its IEEE bits (every NaN one pattern), every array behind its
 * length and a missing one as length -1, so that no two different datasets write the same bytes.
 */
final class CanonicalForm {
  private CanonicalForm() {}

  /** The shape's name first: two shapes holding the same numbers are still different data. */
  static void shape(DataOutput out, String name) throws IOException {
    out.writeUTF(name);
  }

  static void ints(DataOutput out, int[] values) throws IOException {
    if (values == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(values.length);
    for (int value : values) {
      out.writeInt(value);
    }
  }

  static void ints(DataOutput out, int[][] rows) throws IOException {
    if (rows == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(rows.length);
    for (int[] row : rows) {
      ints(out, row);
    }
  }

  static void floats(DataOutput out, float[][][] blocks) throws IOException {
    if (blocks == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(blocks.length);
    for (float[][] block : blocks) {
      if (block == null) {
        out.writeInt(-1);
        continue;
      }
      out.writeInt(block.length);
      for (float[] row : block) {
        if (row == null) {
          out.writeInt(-1);
          continue;
        }
        out.writeInt(row.length);
        for (float value : row) {
          out.writeInt(Float.floatToIntBits(value));
        }
      }
    }
  }

  /** A graph by what defines it, as {@link ConstraintGraph#equals} compares it: its nodes and groups in order. */
  static void graph(DataOutput out, ConstraintGraph graph) throws IOException {
    out.writeInt(graph.nodes());
    out.writeInt(graph.groups().size());
    for (int[] group : graph.groups()) {
      ints(out, group);
    }
  }
}
