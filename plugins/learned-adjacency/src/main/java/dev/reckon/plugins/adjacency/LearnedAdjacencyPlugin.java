package dev.reckon.plugins.adjacency;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.List;

/** The graph network that is not given the constraint graph and learns whom to listen to. */
public final class LearnedAdjacencyPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new LearnedAdjacencyFactory());
  }
}
