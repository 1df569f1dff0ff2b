package dev.reckon.plugins.adjacency;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.kit.LearningModelFactory;
import dev.reckon.kit.StackedGroup;
import java.util.List;
import java.util.Optional;

/** Makes {@code learned-adjacency} for labelling tasks on a shared graph, whose edges it never reads. */
public final class LearnedAdjacencyFactory extends LearningModelFactory {
  public LearnedAdjacencyFactory() {
    // Version 2: first weights and draws from each seed's own streams (seeds trained as one network).
    super(LearnedAdjacencyModel.ID, "2", "a recurrent relational network that is not given the constraint graph:"
        + " an attention head over the cells draws k neighbours a node, trained by the score-function surrogate"
        + " beside the loss", "one message-passing step", LearnedAdjacencySettings.DECLARATIONS);
  }

  @Override
  public Support supports(Task task) {
    // One node count for its position vectors: a labelling task on one shared graph.
    return GraphNetworkModel.support(LearnedAdjacencyModel.ID, task.format());
  }

  @Override
  public Model create(ModelContext context) {
    return new LearnedAdjacencyModel(context);
  }

  /** The seeds trained as one network of K seeds, the sampler's included, each seed's member a model of its own. */
  @Override
  public Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return StackedGroup.of(contexts, LearnedAdjacencyModel::new, LearnedAdjacencyModel::new);
  }
}
