package dev.reckon.plugins.baselines;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.List;

/** The reference models every leaderboard is read against: oracle, uniform and propagation. */
public final class BaselinesPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new OracleFactory(), new UniformFactory(), new PropagationFactory());
  }
}
