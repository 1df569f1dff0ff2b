package dev.reckon.plugins.retrieval;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;

/** The {@code cross-encoder} model: one transformer over each query-key pair. */
final class CrossEncoderFactory extends RetrievalFactory {
  static final String ID = "cross-encoder";

  CrossEncoderFactory() {
    super(ID, "transformer over concatenated query and key tokens, cross-entropy over all keys",
        RetrievalSettings.CROSS_ENCODER);
  }

  @Override
  public Model create(ModelContext context) {
    return new CrossEncoderModel(ID, declarations(), context);
  }
}
