package dev.reckon.plugins.rrn;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.kit.LearningModelFactory;

/** Makes the recurrent relational network {@code rrn} for labelling tasks, on a shared graph or a graph per example. */
public final class RrnModelFactory extends LearningModelFactory {
  public RrnModelFactory() {
    super(RrnModel.ID, "1", "recurrent relational network: message passing on the task's constraint graph, a GRU"
        + " node update and a read-out after every step, trained with the loss at every step",
        "one message-passing step", RecurrentSettings.DECLARATIONS);
  }

  @Override
  public Support supports(Task task) {
    return GraphNetworkModel.support(RrnModel.ID, task.format(), true);
  }

  @Override
  public Model create(ModelContext context) {
    return new RrnModel(context);
  }
}
