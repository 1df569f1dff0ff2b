package dev.reckon.plugins.adjacency;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.kit.LearningModelFactory;

/** Makes {@code learned-adjacency} for labelling tasks on a shared graph, whose edges it never reads. */
public final class LearnedAdjacencyFactory extends LearningModelFactory {
  public LearnedAdjacencyFactory() {
    super(LearnedAdjacencyModel.ID, "1", "a recurrent relational network that is not given the constraint graph:"
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
}
