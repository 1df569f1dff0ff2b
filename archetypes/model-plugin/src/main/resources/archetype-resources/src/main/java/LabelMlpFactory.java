package ${package};

import dev.reckon.api.LabelingFormat;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.LearningModelFactory;

/**
 * Makes the model for each cell of a run, and says which tasks it can do before any data is made.
 * The kit's factory gives the rest: the settings it lists, that it learns, the work a cell costs.
 */
final class LabelMlpFactory extends LearningModelFactory {
  LabelMlpFactory() {
    super("${modelId}", "1", // bump the version whenever its predictions would change
        "a small network on DJL that reads every given label of a puzzle at once and writes every node's label",
        "one pass of the network", LabelMlpSettings.DECLARATIONS);
  }

  @Override
  public Support supports(Task task) {
    // It reads one shared graph's nodes in a fixed order: a graph per example has no fixed nodes.
    return task.format() instanceof LabelingFormat format && format.graphs() == LabelingFormat.Graphs.SHARED
        ? Support.yes()
        : Support.no("reads the nodes of one shared graph; this task is " + task.format().describe());
  }

  @Override
  public Model create(ModelContext context) {
    return new LabelMlp(id(), context);
  }
}
