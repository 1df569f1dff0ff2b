package ${package};

import dev.reckon.api.Setting;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;

/** Makes the task from a suite's settings; a suite entry's config sets them. */
final class ReversalFactory implements TaskFactory {
  @Override
  public String id() {
    return "${taskId}";
  }

  @Override
  public String version() {
    return "1"; // bump it whenever its data or scores would change
  }

  @Override
  public String description() {
    return "reverse a sequence of tokens; levels by length";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.integer("vocabulary", 8, "distinct tokens"));
  }

  @Override
  public Task create(TaskContext context) {
    return new Reversal(context.config().getInt("vocabulary"));
  }
}
