package dev.reckon.runner;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Setting;
import dev.reckon.api.TaskFactory;
import dev.reckon.runner.execution.CellJson;
import dev.reckon.runner.execution.ComputeDevice;
import dev.reckon.runner.plugins.Discovered;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.PluginClaims;
import dev.reckon.runner.plugins.PluginLoader;
import dev.reckon.runner.plugins.PluginRegistry;
import dev.reckon.runner.suites.SuiteLoader;
import dev.reckon.tck.Check;
import dev.reckon.tck.PluginChecks;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The process in which {@code reckon verify-plugin} checks one jar: whatever the plugin does,
 * {@code System.exit} included, ends this process only. Its standard output carries one {@link
 * #CHECK} line per check; what the plugin prints goes to standard error.
 */
public final class VerifyPluginMain {
  /** The prefix of a check's line: {@code reckon-check {json}}. */
  static final String CHECK = "reckon-check ";
  /** The prefix of a training's progress line: {@code reckon-progress {json}}. */
  static final String PROGRESS = "reckon-progress ";
  /** The least time between two progress lines: enough to show a long training moves, not every update. */
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final String CHANCE = "uniform";

  /**
   * What to check: a jar, the other jars named with it and the plugin directories whose tasks its
   * models may be checked on (in the order tried, after the jar's own), the settings given to every
   * task and model that declares them, and the task every model is checked on, if one was named.
   */
  record Spec(Path jar, List<Path> companions, List<Path> pluginDirectories, Map<String, String> taskConfig,
      Map<String, String> modelConfig, Optional<String> task) {}

  /** A training's progress: {@code subject} has made {@code done} of {@code total} updates. */
  record Progress(String subject, int done, int total) {}

  private VerifyPluginMain() {}

  /** {@code VerifyPluginMain SPEC_FILE}. */
  public static void main(String[] args) {
    PrintStream channel = System.out;
    System.setOut(System.err);
    long[] lastProgress = {System.nanoTime()};
    check(CellJson.read(Path.of(args[0]), Spec.class), check -> {
      synchronized (channel) {
        channel.println(CHECK + CellJson.line(check));
        channel.flush();
      }
    }, (subject, done, total) -> {
      synchronized (channel) {
        long now = System.nanoTime();
        if (now - lastProgress[0] >= PROGRESS_EVERY_NANOS) {
          lastProgress[0] = now;
          channel.println(PROGRESS + CellJson.line(new Progress(subject, done, total)));
          channel.flush();
        }
      }
    });
    System.exit(0);
  }

  /**
   * The jar's checks, each handed to {@code sink} as soon as it is made: loading it, then {@link
   * PluginChecks} on what it offers. Models are checked on the named task, else on the first task
   * they support among the jar's own, the other jars' and the plugin directories'; the {@code
   * uniform} model is the guess each task's reference solver must beat.
   */
  static void check(Spec spec, Consumer<Check> sink, PluginChecks.TrainingProgress progress) {
    PluginLoader loader = new PluginLoader();
    PluginRegistry checked = loader.loadEach(List.of(spec.jar()));
    PluginRegistry companions = loader.loadEach(spec.companions());
    PluginRegistry others = loader.load(spec.pluginDirectories());
    String name = spec.jar().getFileName().toString();
    checked.failures().forEach(failure ->
        sink.accept(new Check("plugin " + name, "loads", Check.Verdict.FAILED, failure.reason())));
    ReckonPlugin offered = offeredBy(spec.jar(), checked);
    if (!checked.failures().isEmpty() && offered.tasks().isEmpty() && offered.models().isEmpty()) {
      return; // nothing loaded: a check of what it offers would pass on nothing
    }
    sink.accept(claimsFile(spec.jar(), name));
    Optional<ModelFactory> chance = others.model(CHANCE).or(() -> checked.model(CHANCE))
        .map(DiscoveredModel::factory);
    PluginChecks.Setup setup = new PluginChecks.Setup(task -> declared(task.settings(), spec.taskConfig()),
        model -> declared(model.settings(), spec.modelConfig()),
        Stream.concat(companions.tasks().stream(), others.tasks().stream()).map(DiscoveredTask::factory).toList(),
        chance, model -> true, spec.task(), progress);
    if (offered.models().stream().anyMatch(ModelFactory::learns)) {
      // As in a cell: the engine loads with the runner's classes (DJL finds its native library
      // through the context class loader, which is the plugin's while a plugin's code runs).
      ComputeDevice.withoutAutogradOnThisThread();
    }
    PluginChecks.run(name, offered, setup, sink);
  }

  /** The jar's claims file, when it ships one, loads as a run's report will read it. */
  private static Check claimsFile(Path jar, String name) {
    String property = "its claims file loads";
    try {
      return PluginClaims.read(jar).map(claims -> new Check("plugin " + name, property, Check.Verdict.PASSED,
          claims.claims().size() + " claims, " + claims.sanityChecks().size() + " sanity checks"))
          .orElse(new Check("plugin " + name, property, Check.Verdict.NOT_APPLICABLE, "it ships no "
              + ReckonPlugin.CLAIMS_FILE));
    } catch (IllegalArgumentException e) {
      return new Check("plugin " + name, property, Check.Verdict.FAILED, e.getMessage());
    }
  }

  /** What {@code jar} offers, as one plugin: the loader has refused a jar of another api version already. */
  private static ReckonPlugin offeredBy(Path jar, PluginRegistry registry) {
    List<TaskFactory> tasks = registry.tasks().stream().filter(task -> from(task, jar))
        .map(DiscoveredTask::factory).toList();
    List<ModelFactory> models = registry.models().stream().filter(model -> from(model, jar))
        .map(DiscoveredModel::factory).toList();
    return new ReckonPlugin() {
      @Override
      public int apiVersion() {
        return ApiVersion.CURRENT;
      }

      @Override
      public List<TaskFactory> tasks() {
        return tasks;
      }

      @Override
      public List<ModelFactory> models() {
        return models;
      }
    };
  }

  private static boolean from(Discovered item, Path jar) {
    try {
      return Files.isSameFile(item.plugin(), jar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare " + item.plugin() + " with " + jar, e);
    }
  }

  /** The given settings an item declares, typed as a suite file types them. */
  private static Map<String, Object> declared(List<Setting> settings, Map<String, String> given) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Setting setting : settings) {
      String text = given.get(setting.name());
      if (text != null) {
        values.put(setting.name(), SuiteLoader.value(text));
      }
    }
    return values;
  }
}
