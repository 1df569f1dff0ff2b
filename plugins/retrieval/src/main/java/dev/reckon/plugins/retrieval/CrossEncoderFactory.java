package dev.reckon.plugins.retrieval;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Setting;
import java.util.List;

/** The {@code cross-encoder} model: one transformer over each query-key pair. */
final class CrossEncoderFactory extends RetrievalFactory {
  static final String ID = "cross-encoder";

  /**
   * CPU defaults: 1 layer of width 64, half the contrastive model's layers. Every query costs K
   * sequences, so batches are smaller and updates fewer for about 20 seconds on one core.
   */
  private static final List<Setting> SETTINGS = RetrievalSettings.declare(
      /* width= */ 64, /* layers= */ 1, /* heads= */ 4, /* updates= */ 300, /* batchSize= */ 16,
      /* learningRate= */ 3e-3, /* warmup= */ 30, /* logEvery= */ 25, /* segment= */ 0,
      /* segmentLayers= */ 1, /* answerTargets= */ false);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "transformer over concatenated query and key tokens, cross-entropy over all keys";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Model create(ModelContext context) {
    return new CrossEncoderModel(ID, context);
  }
}
