package dev.reckon.plugins.transformers;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.List;

/**
 * The sequence transformers of the research note's question: does a recurrent transformer, run
 * longer at test time, ever catch a larger non-recurrent one at equal training FLOPs?
 */
public final class TransformersPlugin implements ReckonPlugin {
  /** Bump when trained models would change. */
  static final String VERSION = "2";

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(TransformerFactory.small(), TransformerFactory.large(), TransformerFactory.recurrent());
  }
}
