package dev.reckon.plugins.retrieval;

import dev.reckon.api.ModelContext;
import java.util.List;

/** The {@code cross-encoder} model: one transformer over each query-key pair. */
final class CrossEncoderFactory extends RetrievalFactory<CrossEncoder> {
  static final String ID = "cross-encoder";

  CrossEncoderFactory() {
    super(ID, "transformer over concatenated query and key tokens, cross-entropy over all keys",
        RetrievalSettings.CROSS_ENCODER);
  }

  @Override
  CrossEncoderModel model(List<ModelContext> contexts) {
    return new CrossEncoderModel(ID, declarations(), contexts);
  }
}
