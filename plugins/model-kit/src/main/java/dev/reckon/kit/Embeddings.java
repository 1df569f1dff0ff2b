package dev.reckon.kit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

/**
 * Token and learned position embedding tables of a sequence model of width W (a transformer, the tiny
 * recursive model), and the lookup.
 *
 * <p>Tokens are drawn from {@code N(0, 1/W)} and positions from {@code N(0, 1/(2W))}: the
 * research note found this small-transformer scheme converges much faster than unit variance.
 */
public final class Embeddings {
  private Embeddings() {}

  /** A token table {@code (rows, W)} from {@code N(0, 1/W)}; add it to its block with {@code addParameter}. */
  public static Parameter tokenTable(String name, int rows, int width) {
    return table(name, rows, width, tokenSigma(width));
  }

  /** A learned position table {@code (rows, W)} from {@code N(0, 1/(2W))}. */
  public static Parameter positionTable(String name, int rows, int width) {
    return table(name, rows, width, positionSigma(width));
  }

  /**
   * The rows of {@code table} for {@code tokens}: {@code (...)} int ids {@code -> (..., W)}. The
   * result belongs to the tokens' manager, so a training step's arrays stay in the step's scope.
   */
  public static NDArray lookup(ParameterStore store, Parameter table, NDArray tokens, boolean training) {
    return Embedding.embedding(tokens, store.getValue(table, tokens.getDevice(), training), SparseFormat.DENSE)
        .head();
  }

  static float tokenSigma(int width) {
    return (float) (1 / Math.sqrt(width));
  }

  static float positionSigma(int width) {
    return (float) (tokenSigma(width) / Math.sqrt(2));
  }

  private static Parameter table(String name, int rows, int width, float sigma) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(rows, width))
        .optInitializer(new NormalInitializer(sigma))
        .build();
  }
}
