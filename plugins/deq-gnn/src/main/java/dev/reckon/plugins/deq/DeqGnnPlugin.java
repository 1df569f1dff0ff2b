package dev.reckon.plugins.deq;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.List;

/** The plugin entry: the deep-equilibrium graph networks. */
public final class DeqGnnPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(DeqGnnFactory.plain(), DeqGnnFactory.stable());
  }
}
