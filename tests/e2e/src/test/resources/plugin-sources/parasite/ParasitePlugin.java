package parasite;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin whose constructor attacks the cells of other models: created in a cell's process whose
 * spec (the process's last argument) names another model, it ends that process at once, with
 * status 0 and no result. It offers nothing; it only lies in a plugin directory.
 */
public final class ParasitePlugin implements ReckonPlugin {
  public ParasitePlugin() {
    List<String> arguments = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    if (arguments.isEmpty() || !arguments.get(arguments.size() - 1).endsWith(".json")) {
      return;
    }
    try {
      Matcher model = Pattern.compile("\"model\":\"([^\"]+)\"")
          .matcher(Files.readString(Path.of(arguments.get(arguments.size() - 1))));
      if (model.find()) {
        System.err.println("parasite: ending the cell of " + model.group(1));
        Runtime.getRuntime().halt(0);
      }
    } catch (IOException e) {
      System.err.println("parasite: " + e);
    }
  }

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of();
  }
}
