package hugecreate;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;

/** {@code huge-create}: a task that loads well, but whose create() asks for a 16 GB array. */
public final class HugeCreatePlugin implements ReckonPlugin {
  /** Kept, so that the allocation is not optimised away. */
  static long[] held;

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new TaskFactory() {
      @Override
      public String id() {
        return "huge-create";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Task create(TaskContext context) {
        held = new long[2_000_000_000];
        throw new IllegalStateException("16 GB were there after all");
      }
    });
  }
}
