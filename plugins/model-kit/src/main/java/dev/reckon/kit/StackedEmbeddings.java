package dev.reckon.kit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * {@link Embeddings} of K seeds at once: tables {@code (K, rows, W)}, seed k's slice drawn from its
 * own stream with the same spreads ({@code N(0, 1/W)} for tokens, {@code N(0, 1/(2W))} for positions).
 */
public final class StackedEmbeddings {
  private StackedEmbeddings() {}

  /** A token table {@code (K, rows, W)}; add it to its block with {@code addParameter}. */
  public static Parameter tokenTable(SeedAxis axis, String name, int rows, int width) {
    return table(axis, name, rows, width, Embeddings.tokenSigma(width));
  }

  /** A learned position table {@code (K, rows, W)}. */
  public static Parameter positionTable(SeedAxis axis, String name, int rows, int width) {
    return table(axis, name, rows, width, Embeddings.positionSigma(width));
  }

  /**
   * Seed k's rows of {@code table} for its tokens: {@code (K, ...)} int ids {@code -> (K, ..., W)},
   * one gather over the K tables laid end to end (seed k's ids offset by k rows of tables).
   */
  public static NDArray lookup(ParameterStore store, Parameter table, NDArray tokens, boolean training) {
    NDArray weights = store.getValue(table, tokens.getDevice(), training);
    long seeds = weights.getShape().get(0);
    long rows = weights.getShape().get(1);
    long width = weights.getShape().get(2);
    NDArray offsets = tokens.getManager().arange(0, (int) (seeds * rows), (int) rows, tokens.getDataType())
        .reshape(SeedAxis.seedColumn(tokens.getShape()));
    NDArray flat = tokens.add(offsets).reshape(-1);
    return SeedAxis.inScopeOf(tokens, weights.reshape(seeds * rows, width)).get(flat).reshape(tokens.getShape().add(width));
  }

  /**
   * {@code x (K, B, L, W)} plus each seed's positions {@code (K, L, W)} from {@code table}.
   */
  public static NDArray addPositions(ParameterStore store, Parameter table, NDArray x, boolean training) {
    NDArray positions = store.getValue(table, x.getDevice(), training);
    Shape shape = positions.getShape();
    return x.add(SeedAxis.inScopeOf(x, positions.reshape(shape.get(0), 1, shape.get(1), shape.get(2))));
  }

  /** A table {@code (K, rows, W)} from {@code N(0, sigma^2)}, of a spread of its own. */
  public static Parameter table(SeedAxis axis, String name, int rows, int width, double sigma) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(axis.size(), rows, width))
        .optInitializer(StackedInitializer.normal(axis, sigma))
        .build();
  }
}
