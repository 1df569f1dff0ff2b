package sorting;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Setting;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;

/** A third-party sequence task written against the api jar alone: sort n small integers. */
public final class SortingPlugin implements ReckonPlugin {
  static final String VOCABULARY = "vocabulary";

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new TaskFactory() {
      @Override
      public String id() {
        return "third-party-sorting";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public String description() {
        return "sort n integers drawn from a small vocabulary; levels by n";
      }

      @Override
      public List<Setting> settings() {
        return List.of(Setting.integer(VOCABULARY, 10, "the integers are 0..vocabulary-1, at least 2"));
      }

      @Override
      public Task create(TaskContext context) {
        return new SortingTask(context.config().getInt(VOCABULARY));
      }
    });
  }
}
