package dev.reckon.plugins.retrieval;

import dev.reckon.api.ModelContext;
import java.util.List;

/** The {@code contrastive-d{d}} variant: a dual encoder of representation dimension d. */
final class ContrastiveFactory extends RetrievalFactory<DualEncoder> {
  private final int dimension;

  ContrastiveFactory(int dimension) {
    super("contrastive-d" + dimension, "transformer query encoder and key table of dimension " + dimension
        + ", dot-product scores, symmetric InfoNCE", RetrievalSettings.CONTRASTIVE);
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension is " + dimension + "; expected a positive number");
    }
    this.dimension = dimension;
  }

  @Override
  ContrastiveModel model(List<ModelContext> contexts) {
    return new ContrastiveModel(id(), declarations(), contexts, dimension);
  }
}
