package dev.reckon.plugins.retrieval;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Setting;
import java.util.List;

/** The {@code contrastive-d{d}} variant: a dual encoder of representation dimension d. */
final class ContrastiveFactory extends RetrievalFactory {
  /**
   * CPU defaults, about 20 seconds of training on the 27-card shatter game on one core: 2 layers
   * of width 64 went further in that time than 4 layers (KL 0.19 against 0.32 for d=27).
   */
  private static final List<Setting> SETTINGS = RetrievalSettings.declare(
      /* width= */ 64, /* layers= */ 2, /* heads= */ 4, /* updates= */ 1000, /* batchSize= */ 64,
      /* learningRate= */ 3e-3, /* warmup= */ 100, /* logEvery= */ 50, /* segment= */ 0,
      /* segmentLayers= */ 1, /* answerTargets= */ false);

  private final int dimension;

  ContrastiveFactory(int dimension) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension is " + dimension + "; expected a positive number");
    }
    this.dimension = dimension;
  }

  @Override
  public String id() {
    return "contrastive-d" + dimension;
  }

  @Override
  public String description() {
    return "transformer query encoder and key table of dimension " + dimension
        + ", dot-product scores, symmetric InfoNCE";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Model create(ModelContext context) {
    return new ContrastiveModel(id(), context, dimension);
  }
}
