package dev.reckon.plugins.rrn;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.RecurrentSettings;
import java.util.List;

/** Makes the recurrent relational network {@code rrn} for labelling tasks, on a shared graph or a graph per example. */
public final class RrnModelFactory implements ModelFactory {
  @Override
  public String id() {
    return RrnModel.ID;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "recurrent relational network: message passing on the task's constraint graph, a GRU node"
        + " update and a read-out after every step, trained with the loss at every step";
  }

  @Override
  public List<Setting> settings() {
    return RecurrentSettings.DECLARED;
  }

  @Override
  public Support supports(Task task) {
    return GraphNetworkModel.support(RrnModel.ID, task.format(), true);
  }

  @Override
  public String iterationMeaning() {
    return "one message-passing step";
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    requireNonNull(context, "context is null");
    return new RrnModel(RecurrentSettings.from(context.config()), context.seed(), context.device());
  }
}
