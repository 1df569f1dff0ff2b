package ${package};

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.util.List;

/**
 * The plugin the service file names: Reckon finds its models here. Made by Reckon's model-plugin
 * archetype; replace the model with yours (its network, its settings, its loss: see {@link
 * LabelMlp}) and keep its conformance test green.
 */
public final class ModelPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT; // copied in at compile time: the api this plugin was built for
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new LabelMlpFactory());
  }
}
