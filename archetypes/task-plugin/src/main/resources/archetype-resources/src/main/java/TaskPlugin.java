package ${package};

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import java.util.List;

/**
 * The plugin the service file names: Reckon finds its tasks here. Made by Reckon's task-plugin
 * archetype; replace the task with yours and keep its conformance test green.
 */
public final class TaskPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT; // copied in at compile time: the api this plugin was built for
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new ReversalFactory());
  }
}
