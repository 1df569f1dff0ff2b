package hangsupports;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;

/** {@code hang-supports}: a model that loads well, but whose supports() sleeps for ever and swallows interrupts. */
public final class HangSupportsPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new ModelFactory() {
      @Override
      public String id() {
        return "hang-supports";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Support supports(Task task) {
        while (true) {
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            // swallowed: only the end of the process stops it
          }
        }
      }

      @Override
      public Model create(ModelContext context) {
        throw new IllegalStateException("never planned");
      }
    });
  }
}
