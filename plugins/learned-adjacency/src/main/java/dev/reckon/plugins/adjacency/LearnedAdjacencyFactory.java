package dev.reckon.plugins.adjacency;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import java.util.List;

/** Makes {@code learned-adjacency} for labelling tasks on a shared graph, whose edges it never reads. */
public final class LearnedAdjacencyFactory implements ModelFactory {
  @Override
  public String id() {
    return LearnedAdjacencyModel.ID;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "a recurrent relational network that is not given the constraint graph: an attention head over"
        + " the cells draws k neighbours a node, trained by the score-function surrogate beside the loss";
  }

  @Override
  public List<Setting> settings() {
    return LearnedAdjacencySettings.DECLARED;
  }

  @Override
  public Support supports(Task task) {
    // One node count for its position vectors: a labelling task on one shared graph.
    return GraphNetworkModel.support(LearnedAdjacencyModel.ID, task.format());
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
    return new LearnedAdjacencyModel(LearnedAdjacencySettings.from(context.config()), context.seed(),
        context.device());
  }
}
