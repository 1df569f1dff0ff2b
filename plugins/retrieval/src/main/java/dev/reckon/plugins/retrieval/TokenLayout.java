package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.Config;
import dev.reckon.api.RetrievalDataset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a dataset's token sequences become fixed-length rows for the networks.
 *
 * <p>Queries are padded to the longest training query with one extra token, {@link #padToken()}.
 * The pad is not masked: a padded query is still a distinct sequence, and learned position
 * embeddings let the encoder read where it ends. Every key must have the same length.
 *
 * @param vocabulary the dataset's token count; ids {@code 0..vocabulary-1}
 * @param queryLength Lq, the padded query length
 * @param keyLength Lk, the length of every key
 */
record TokenLayout(int vocabulary, int queryLength, int keyLength) {

  TokenLayout {
    if (vocabulary <= 0 || queryLength <= 0 || keyLength <= 0) {
      throw new IllegalArgumentException(
          "vocabulary, query and key lengths must be positive: "
              + vocabulary + ", " + queryLength + ", " + keyLength);
    }
  }

  /** The layout of a training set, whose tokens it checks. */
  static TokenLayout of(RetrievalDataset data) {
    if (data.keys() == 0 || data.size() == 0) {
      throw new IllegalArgumentException("a retrieval training set needs keys and queries");
    }
    int queryLength = Arrays.stream(data.queries()).mapToInt(query -> query.length).max().orElseThrow();
    TokenLayout layout = new TokenLayout(data.vocabulary(), queryLength, data.keyTokens()[0].length);
    layout.flatKeys(data.keyTokens());
    for (int[] query : data.queries()) {
      layout.checkTokens(query, "query");
    }
    return layout;
  }

  int padToken() {
    return vocabulary;
  }

  /** Rows of the token embedding table: the vocabulary and the pad token. */
  int embeddingRows() {
    return vocabulary + 1;
  }

  /**
   * Each seed's queries at its rows, padded, stacked: {@code (K, B, Lq)} int32, seed k's {@code
   * queries.get(k)} at {@code rows.get(k)}, B rows each.
   */
  NDArray queries(NDManager manager, List<int[][]> queries, List<int[]> rows) {
    int batch = rows.get(0).length;
    int[] flat = new int[queries.size() * batch * queryLength];
    Arrays.fill(flat, padToken());
    for (int k = 0; k < queries.size(); k++) {
      for (int i = 0; i < batch; i++) {
        int[] query = queries.get(k)[rows.get(k)[i]];
        if (query.length > queryLength) {
          throw new IllegalArgumentException("query " + rows.get(k)[i] + " has " + query.length
              + " tokens; the model was trained on queries of at most " + queryLength);
        }
        checkTokens(query, "query");
        System.arraycopy(query, 0, flat, (k * batch + i) * queryLength, query.length);
      }
    }
    return manager.create(flat, new Shape(queries.size(), batch, queryLength));
  }

  /** Each seed's keys' tokens, stacked: {@code (K, N, Lk)} int32, seed k's from {@code keyTokens.get(k)}. */
  NDArray keys(NDManager manager, List<int[][]> keyTokens) {
    int keys = keyTokens.get(0).length;
    int[] flat = new int[keyTokens.size() * keys * keyLength];
    for (int k = 0; k < keyTokens.size(); k++) {
      System.arraycopy(flatKeys(keyTokens.get(k)), 0, flat, k * keys * keyLength, keys * keyLength);
    }
    return manager.create(flat, new Shape(keyTokens.size(), keys, keyLength));
  }

  private int[] flatKeys(int[][] keyTokens) {
    int[] flat = new int[keyTokens.length * keyLength];
    for (int key = 0; key < keyTokens.length; key++) {
      if (keyTokens[key].length != keyLength) {
        throw new IllegalArgumentException(
            "key " + key + " has " + keyTokens[key].length + " tokens; every key needs " + keyLength);
      }
      checkTokens(keyTokens[key], "key");
      System.arraycopy(keyTokens[key], 0, flat, key * keyLength, keyLength);
    }
    return flat;
  }

  private void checkTokens(int[] tokens, String what) {
    for (int token : tokens) {
      if (token < 0 || token >= vocabulary) {
        throw new IllegalArgumentException(
            what + " token " + token + " is outside the vocabulary of " + vocabulary);
      }
    }
  }

  /** The layout, and the deck's {@code keys}, as a checkpoint's shape. */
  Map<String, Object> asShape(int keys) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("vocabulary", vocabulary);
    shape.put("queryLength", queryLength);
    shape.put("keyLength", keyLength);
    shape.put("keys", keys);
    return shape;
  }

  /** The layout of a shape {@link #asShape} gave. */
  static TokenLayout of(Config shape) {
    return new TokenLayout(shape.getInt("vocabulary"), shape.getInt("queryLength"), shape.getInt("keyLength"));
  }
}
