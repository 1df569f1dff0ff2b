package dev.reckon.plugins.rrn;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.kit.LearningModelFactory;
import dev.reckon.kit.StackedGroup;
import java.util.List;
import java.util.Optional;

/** Makes the recurrent relational network {@code rrn} for labelling tasks, on a shared graph or a graph per example. */
public final class RrnModelFactory extends LearningModelFactory {
  public RrnModelFactory() {
    // Version 2: first weights from each seed's own stream (seeds trained as one network).
    super(RrnModel.ID, "2", "recurrent relational network: message passing on the task's constraint graph, a GRU"
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

  /** The seeds trained as one network of K seeds, each seed's member a model of its own. */
  @Override
  public Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return StackedGroup.of(contexts, RrnModel::new, RrnModel::new);
  }
}
