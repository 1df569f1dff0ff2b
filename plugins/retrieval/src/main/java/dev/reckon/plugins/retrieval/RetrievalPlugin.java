package dev.reckon.plugins.retrieval;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * The retrieval models: contrastive dual encoders of several representation dimensions and a
 * cross-encoder. On the 27-card deck the dimensions straddle the deck size, which a dot product
 * needs to shatter every subset of keys.
 */
public final class RetrievalPlugin implements ReckonPlugin {
  /** Bump when trained models would change. */
  static final String VERSION = "3";

  /** Representation dimensions offered as {@code contrastive-d{d}}. */
  static final List<Integer> DIMENSIONS = List.of(4, 8, 16, 20, 27, 64, 512);

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    List<ModelFactory> models = new ArrayList<>();
    for (int dimension : DIMENSIONS) {
      models.add(new ContrastiveFactory(dimension));
    }
    models.add(new CrossEncoderFactory());
    return List.copyOf(models);
  }
}
