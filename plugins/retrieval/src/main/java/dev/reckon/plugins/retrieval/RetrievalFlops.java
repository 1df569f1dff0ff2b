package dev.reckon.plugins.retrieval;

import static dev.reckon.plugins.retrieval.RetrievalSettings.FEED_FORWARD;
import static dev.reckon.plugins.retrieval.RetrievalSettings.LAYERS;
import static dev.reckon.plugins.retrieval.RetrievalSettings.SEGMENT;
import static dev.reckon.plugins.retrieval.RetrievalSettings.SEGMENT_LAYERS;
import static dev.reckon.plugins.retrieval.RetrievalSettings.WIDTH;

import dev.reckon.kit.Settings;
import dev.reckon.plugins.transformer.StackedEncoderLayer;

/**
 * The floating-point operations of the retrieval models, 2 per multiply-add, of one seed (seeds
 * trained at once as one network count each its own), built from {@link StackedEncoderLayer#flops}
 * ({@code layer(L)}: one layer on a sequence of L positions). With width W, feed-forward F, {@code
 * layers} layers, K keys, representation dimension d, and with segments of S tokens {@code
 * segmentLayers} layers inside each segment:
 *
 * <pre>
 *   encode(L)  = layers layer(L)                                    without segments
 *              = ceil(L/S) segmentLayers layer(S) + layers layer(ceil(L/S))   with them
 *
 *   contrastive, one query of Lq tokens:   query = encode(Lq) + 2 W d (the projection)
 *     update on B queries: 3 (B query + 2 B^2 d)      the in-batch scores of the B queries
 *                                                     against their B drawn keys (InfoNCE)
 *     inference, one query: query + 2 K d             its scores against every key
 *
 *   cross-encoder, one query against its K keys:
 *     without segments: pairs = K (layers layer(Lq + Lk) + 2 W)     the (query, key) rows and the score
 *     with segments:    pairs = ceil(Lq/S) segmentLayers layer(S)    the query's segment vectors
 *                             + K (layers layer(nq + nk) + 2 W)      nq, nk: the query's and a key's segments
 *                       keys  = K ceil(Lk/S) segmentLayers layer(S)  every key's segment vectors,
 *                                                                    once a forward pass for the batch
 *     update on B queries: 3 (B pairs + keys)
 *     inference, one query: pairs (the keys' segment vectors are shared by every query of a chunk)
 * </pre>
 *
 * The backward pass costs about twice the forward, hence the 3. Left out: what {@link
 * StackedEncoderLayer#flops} leaves out; the embedding and key-table lookups (no arithmetic),
 * position additions, the segment and final layer norms, pooling, biases; the losses' soft-max
 * and, with answer targets, the 0/1 mask product that marks which drawn keys answer which query
 * (bookkeeping on constants, B^2 K multiply-adds); and the training curve's {@code top1_hit},
 * which scores the batch against every key every {@code logEvery} updates as a diagnostic the
 * optimiser step does not use.
 *
 * @param layout the token layout: Lq, Lk
 * @param keys K
 * @param settings W, F, the layers, S and the segment layers
 * @param dimension d for the contrastive model; 0 for the cross-encoder
 */
record RetrievalFlops(TokenLayout layout, int keys, Settings settings, int dimension) {
  static RetrievalFlops contrastive(TokenLayout layout, int keys, Settings settings, int dimension) {
    return new RetrievalFlops(layout, keys, settings, dimension);
  }

  static RetrievalFlops crossEncoder(TokenLayout layout, int keys, Settings settings) {
    return new RetrievalFlops(layout, keys, settings, 0);
  }

  boolean cross() {
    return dimension == 0;
  }

  long layer(long length) {
    return StackedEncoderLayer.flops(length, settings.get(WIDTH), settings.get(FEED_FORWARD));
  }

  /** The segments of {@code length} tokens, 0 without segments. */
  private long segments(int length) {
    return settings.get(SEGMENT) == 0 ? 0 : SequenceEncoder.segments(length, settings.get(SEGMENT));
  }

  /** The layers inside the segments of a row of {@code length} tokens. */
  private long segmentVectors(int length) {
    return segments(length) * settings.get(SEGMENT_LAYERS) * layer(settings.get(SEGMENT));
  }

  /** A row of {@code length} tokens through the encoder (no segments) or its segment layers and layers over segments. */
  long encode(int length) {
    if (settings.get(SEGMENT) == 0) {
      return settings.get(LAYERS) * layer(length);
    }
    return segmentVectors(length) + settings.get(LAYERS) * layer(segments(length));
  }

  /** Contrastive: one query's vector. */
  long query() {
    return encode(layout.queryLength()) + 2L * settings.get(WIDTH) * dimension;
  }

  /** Cross-encoder: one query's scores against every key, without the keys' shared segment vectors. */
  long pairs() {
    long score = 2L * settings.get(WIDTH);
    if (settings.get(SEGMENT) == 0) {
      return keys * (settings.get(LAYERS) * layer(layout.queryLength() + layout.keyLength()) + score);
    }
    long rows = segments(layout.queryLength()) + segments(layout.keyLength());
    return segmentVectors(layout.queryLength()) + keys * (settings.get(LAYERS) * layer(rows) + score);
  }

  /** Cross-encoder with segments: every key's segment vectors, once a forward pass; 0 without segments. */
  long keySegments() {
    return keys * segmentVectors(layout.keyLength());
  }

  /** One optimiser update on {@code batch} queries. */
  long trainingUpdate(int batch) {
    if (cross()) {
      return 3 * (batch * pairs() + keySegments());
    }
    return 3 * (batch * query() + 2L * batch * batch * dimension);
  }

  /** One query's scores against every key. */
  long inference() {
    return cross() ? pairs() : query() + 2L * keys * dimension;
  }
}
