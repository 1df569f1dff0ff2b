package ${package};

import dev.reckon.api.LabelingFormat;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;

/** Makes the model for each cell of a run, and says which tasks it can do before any data is made. */
final class CommonestLabelFactory implements ModelFactory {
  @Override
  public String id() {
    return "${modelId}";
  }

  @Override
  public String version() {
    return "1"; // bump it whenever its predictions would change
  }

  @Override
  public String description() {
    return "the label each node holds most often in training, on every blank";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.integer("smoothing", 1, "the count every label starts with at every node"));
  }

  @Override
  public Support supports(Task task) {
    // It counts the labels of one shared graph's nodes: a graph per example has no fixed nodes.
    return task.format() instanceof LabelingFormat format && format.graphs() == LabelingFormat.Graphs.SHARED
        ? Support.yes()
        : Support.no("counts the labels of one shared graph's nodes; this task is " + task.format().describe());
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    return new CommonestLabel(context.config().getInt("smoothing"));
  }
}
