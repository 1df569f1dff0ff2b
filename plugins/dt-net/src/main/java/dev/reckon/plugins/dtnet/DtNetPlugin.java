package dev.reckon.plugins.dtnet;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.List;

/**
 * The deep thinking networks: does a recurrent network trained on small grids solve larger ones
 * when run longer, and does it keep its answer when run far longer than trained (no overthinking)?
 */
public final class DtNetPlugin implements ReckonPlugin {
  /** Bump when trained models would change. 2: first weights from each seed's own stream (seeds stacked). */
  static final String VERSION = "2";

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(DtNetFactory.recallProgressive(), DtNetFactory.recall(), DtNetFactory.plain());
  }
}
