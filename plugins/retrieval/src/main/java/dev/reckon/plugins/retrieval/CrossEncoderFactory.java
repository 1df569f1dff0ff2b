package dev.reckon.plugins.retrieval;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;

/** The {@code cross-encoder} model: one transformer over each query-key pair. */
final class CrossEncoderFactory extends RetrievalFactory {
  static final String ID = "cross-encoder";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "transformer over concatenated query and key tokens, cross-entropy over all keys";
  }

  @Override
  public Model create(ModelContext context) {
    return new CrossEncoderModel(ID, context);
  }
}
