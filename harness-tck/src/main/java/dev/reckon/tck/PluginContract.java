package dev.reckon.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance checks as a plugin's JUnit 5 tests: extend it, return the plugin from {@link
 * #plugin()}, and every property of {@link PluginChecks} becomes one test, named by what it
 * checks. A property that does not apply is reported as skipped, with the reason. Override the
 * other methods to give models small settings, tasks from other plugins to be checked on, or a
 * guessing model.
 */
public abstract class PluginContract {
  /** The plugin under test, e.g. {@code new MyPlugin()}. */
  protected abstract ReckonPlugin plugin();

  /** A task's settings for the checks; the rest stay at their defaults. */
  protected Map<String, ?> taskSettings(TaskFactory task) {
    return Map.of();
  }

  /** A model's settings for the checks: small enough that it trains in seconds, e.g. few updates. */
  protected Map<String, ?> modelSettings(ModelFactory model) {
    return Map.of();
  }

  /** Tasks of other plugins (test dependencies) to check this plugin's models on. */
  protected List<TaskFactory> otherTasks() {
    return List.of();
  }

  /** A model that guesses, to show each task's reference solver does better; none by default. */
  protected Optional<ModelFactory> chance() {
    return Optional.empty();
  }

  /** Whether {@code model} predicts the same twice at one seed; true unless it says otherwise. */
  protected boolean deterministic(ModelFactory model) {
    return true;
  }

  @Test
  void theServiceFileNamesThePlugin() {
    Class<?> type = plugin().getClass();
    assertTrue(ServiceLoader.load(ReckonPlugin.class).stream().anyMatch(provider -> provider.type() == type),
        "META-INF/services/" + ReckonPlugin.class.getName() + " does not name " + type.getName());
  }

  @TestFactory
  Stream<DynamicTest> contract() {
    ReckonPlugin plugin = plugin();
    List<Check> checks = PluginChecks.of(plugin.getClass().getSimpleName(), plugin, new PluginChecks.Setup(
        this::taskSettings, this::modelSettings, otherTasks(), chance(), this::deterministic));
    return checks.stream().map(check -> dynamicTest(check.subject() + ": " + check.property(), () -> {
      switch (check.verdict()) {
        case FAILED -> fail(check.detail());
        case NOT_APPLICABLE -> Assumptions.abort(check.detail());
        case PASSED -> { }
      }
    }));
  }
}
