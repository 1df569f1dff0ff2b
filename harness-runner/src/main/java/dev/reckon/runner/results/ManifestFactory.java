package dev.reckon.runner.results;

import ai.djl.engine.Engine;
import dev.reckon.api.ApiVersion;
import dev.reckon.api.Task;
import dev.reckon.runner.execution.ComputeDevice;
import dev.reckon.runner.execution.PlannedCell;
import dev.reckon.runner.execution.RunPlanner.Plan;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.Plugin;
import dev.reckon.runner.plugins.PluginFailure;
import dev.reckon.runner.plugins.PluginRegistry;
import dev.reckon.runner.results.Manifest.DataSeed;
import dev.reckon.runner.suites.Suite;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a run's manifest from what the runner knows at its start. */
public final class ManifestFactory {
  static final String SEED_DERIVATION = "data seed = derive(run seed, 'data', task, level, 'train'|'eval'); "
      + "model seed = derive(run seed, 'model', model, task, train level); derive = SplittableRandom(seed xor "
      + "FNV-1a of the names).nextLong() & Long.MAX_VALUE";

  private final String runId;
  private final List<String> command;
  private final Suite suite;
  private final String suiteSource;
  private final Instant startedAt;
  private final List<Instant> resumedAt;
  private final ComputeDevice device;
  private final PluginRegistry registry;
  private final Plan plan;

  public ManifestFactory(String runId, List<String> command, Suite suite, String suiteSource, Instant startedAt,
      List<Instant> resumedAt, ComputeDevice device, PluginRegistry registry, Plan plan) {
    this.runId = runId;
    this.command = List.copyOf(command);
    this.suite = suite;
    this.suiteSource = suiteSource;
    this.startedAt = startedAt;
    this.resumedAt = List.copyOf(resumedAt);
    this.device = device;
    this.registry = registry;
    this.plan = plan;
  }

  /** The manifest with the datasets generated so far; {@code finishedAt} is null while running. */
  public Manifest create(List<DataSeed> dataSeeds, Instant finishedAt) {
    Map<String, DiscoveredTask> tasks = new LinkedHashMap<>();
    Map<String, Manifest.ModelInfo> models = new LinkedHashMap<>();
    for (PlannedCell cell : plan.cells()) {
      tasks.putIfAbsent(cell.task().task().id(), cell.task());
      DiscoveredModel model = cell.model();
      models.putIfAbsent(model.factory().id(), new Manifest.ModelInfo(model.factory().id(), model.factory().version(),
          model.plugin().source().toString(), cell.config().asMap()));
    }
    return new Manifest(new Manifest.Harness("reckon", harnessVersion(), ApiVersion.CURRENT), runId, command,
        new Manifest.SuiteInfo(suite.name(), suite.description(), suiteSource, suite.cellTimeLimitMinutes()),
        startedAt, resumedAt, finishedAt, environment(device), new Manifest.Seeds(suite.seeds(), SEED_DERIVATION,
        dataSeeds), registry.plugins().stream().map(plugin -> pluginInfo(plugin, registry)).toList(),
        registry.failures().stream().map(PluginFailure::toString).toList(), plan.missing(),
        tasks.values().stream().map(task -> taskInfo(task.task())).toList(), List.copyOf(models.values()));
  }

  public static String harnessVersion() {
    String version = ManifestFactory.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private static Manifest.Environment environment(ComputeDevice device) {
    Engine engine = device.engine();
    Map<String, String> threads = new TreeMap<>();
    for (String variable : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
      threads.put(variable, System.getenv().getOrDefault(variable, "unset"));
    }
    for (String property : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
      threads.put(property, System.getProperty(property, "unset"));
    }
    return new Manifest.Environment(device.name(), engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(),
        engine.getGpuCount(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), threads);
  }

  private static Manifest.PluginInfo pluginInfo(Plugin plugin, PluginRegistry registry) {
    return new Manifest.PluginInfo(plugin.source().toString(),
        plugin.jars().stream().map(jar -> new Manifest.JarInfo(jar.path().toString(), jar.sha256())).toList(),
        registry.tasks().stream().filter(t -> t.plugin() == plugin).map(t -> t.task().id()).toList(),
        registry.models().stream().filter(m -> m.plugin() == plugin).map(m -> m.factory().id()).toList());
  }

  private static Manifest.TaskInfo taskInfo(Task task) {
    return new Manifest.TaskInfo(task.id(), task.version(), task.format().name(), task.metrics().get(0).id(),
        task.metrics(), task.levels());
  }
}
