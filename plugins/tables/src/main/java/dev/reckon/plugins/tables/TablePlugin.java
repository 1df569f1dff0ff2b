package dev.reckon.plugins.tables;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.Arrays;
import java.util.List;

/**
 * Free tables of scores, one variant per training objective of research note 003 ({@code
 * table-nll}, {@code table-pseudo-nll}, {@code table-infonce}): with no architecture in the way, what
 * each objective converges to is the objective's alone.
 */
public final class TablePlugin implements ReckonPlugin {
  /** Bump when trained models would change. */
  static final String VERSION = "1";

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return Arrays.stream(Objective.values()).<ModelFactory>map(TableFactory::new).toList();
  }
}
