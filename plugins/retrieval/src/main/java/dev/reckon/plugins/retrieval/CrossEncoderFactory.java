package dev.reckon.plugins.retrieval;

import dev.reckon.api.Format;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;

/** The {@code cross-encoder} model: one transformer over each query-key pair. */
final class CrossEncoderFactory implements ModelFactory {
  static final String ID = "cross-encoder";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return RetrievalPlugin.VERSION;
  }

  @Override
  public String description() {
    return "transformer over concatenated query and key tokens, cross-entropy over all keys";
  }

  @Override
  public boolean supports(Task task) {
    return task.format() == Format.RETRIEVAL;
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    return new CrossEncoderModel(ID, context);
  }
}
