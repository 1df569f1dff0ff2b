package dev.reckon.runner.suites;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reckon.runner.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a suite from a YAML file, or a built-in suite by name. */
public final class SuiteLoader {
  public static final List<String> BUILT_IN = List.of("quick", "default", "full", "stress");

  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** {@code nameOrFile} is a path to a YAML file or the name of a built-in suite. */
  public Suite load(String nameOrFile) {
    Path file = Path.of(nameOrFile);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        return parse(in, file.toString());
      } catch (IOException e) {
        throw new UsageException("cannot read suite file " + file + ": " + e.getMessage(), e);
      }
    }
    InputStream builtIn = SuiteLoader.class.getResourceAsStream("/suites/" + nameOrFile + ".yaml");
    if (builtIn == null) {
      throw new UsageException("no suite '" + nameOrFile + "': it is neither a file nor a built-in suite ("
          + String.join(", ", BUILT_IN) + ")");
    }
    try (builtIn) {
      return parse(builtIn, "built-in suite " + nameOrFile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in suite " + nameOrFile, e);
    }
  }

  /** The suite as YAML, saved in the run directory so that {@code --resume} replays it exactly. */
  public String write(Suite suite) {
    try {
      return yaml.writeValueAsString(suite);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write suite " + suite.name(), e);
    }
  }

  private Suite parse(InputStream in, String origin) throws IOException {
    Suite suite;
    try {
      suite = yaml.readValue(in, Suite.class);
    } catch (UnrecognizedPropertyException e) {
      throw new UsageException(origin + " is not a valid suite: unknown field '" + e.getPropertyName()
          + "'; the fields there are " + e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", ")), e);
    } catch (JsonProcessingException e) {
      throw new UsageException(origin + " is not a valid suite: " + e.getOriginalMessage(), e);
    }
    if (suite == null || suite.name() == null) {
      throw new UsageException(origin + " is not a valid suite: it has no name");
    }
    return suite;
  }
}
