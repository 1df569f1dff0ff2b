package dev.reckon.runner.results;

import dev.reckon.reports.format.RunFormat;
import ai.djl.engine.Engine;
import dev.reckon.api.ApiVersion;
import dev.reckon.api.Level;
import dev.reckon.runner.execution.CellKey;
import dev.reckon.runner.execution.ComputeDevice;
import dev.reckon.runner.execution.MadeTask;
import dev.reckon.runner.execution.PlannedCell;
import dev.reckon.runner.execution.PluginSnapshot;
import dev.reckon.runner.execution.Sandbox;
import dev.reckon.runner.execution.RunPlanner.Plan;
import dev.reckon.runner.execution.Seeds;
import dev.reckon.runner.plugins.DescribedModel;
import dev.reckon.runner.plugins.DescribedTask;
import dev.reckon.runner.plugins.Plugin;
import dev.reckon.runner.plugins.PluginCatalog;
import dev.reckon.runner.plugins.PluginFailure;
import dev.reckon.runner.results.Manifest.DataSeed;
import dev.reckon.runner.suites.Suite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds a run's manifest from what the runner knows at its start. */
public final class ManifestFactory {
  static final String SEED_DERIVATION = "data seed = derive(run seed, 'data', task, level, 'train'|'eval'); "
      + "model seed = derive(run seed, 'model', model, task, train level); task seed = derive(run seed, 'task', "
      + "task); derive = SplittableRandom(seed xor FNV-1a of the names).nextLong() & Long.MAX_VALUE";

  /**
   * What names a run: its id, the suite as run, where the suite came from, its fingerprint, and
   * the shard this directory holds (null for a whole run).
   */
  public record RunIdentity(String runId, Suite suite, String suiteSource, String suiteFingerprint,
      Manifest.Shard shard) {}

  private final RunIdentity identity;
  private final List<String> command;
  private final Instant startedAt;
  private final List<Instant> resumedAt;
  private final ComputeDevice device;
  private final Sandbox sandbox;
  private final PluginCatalog catalog;
  private final PluginSnapshot snapshot;
  private final Plan plan;
  private final List<PlannedCell> cells;
  private final List<Manifest.Attempt> earlierAttempts;
  private final Map<CellKey, Manifest.CellInfo> keptCells;

  /**
   * @param sandbox where the cells run
   * @param snapshot the run's copy of the plugins its cells load
   * @param plan the whole run's plan
   * @param cells the cells this directory runs: the plan's, or a shard's share of them
   * @param keptCells the cells an earlier attempt finished, as its manifest described them: they
   *     keep the settings they ran with, as cells.csv has them, whatever the suite says now
   */
  public ManifestFactory(RunIdentity identity, List<String> command, Instant startedAt, List<Instant> resumedAt,
      List<Manifest.Attempt> earlierAttempts, ComputeDevice device, Sandbox sandbox, PluginCatalog catalog,
      PluginSnapshot snapshot, Plan plan, List<PlannedCell> cells, Map<CellKey, Manifest.CellInfo> keptCells) {
    this.earlierAttempts = List.copyOf(earlierAttempts);
    this.keptCells = Map.copyOf(keptCells);
    this.identity = identity;
    this.command = List.copyOf(command);
    this.startedAt = startedAt;
    this.resumedAt = List.copyOf(resumedAt);
    this.device = device;
    this.sandbox = sandbox;
    this.catalog = catalog;
    this.snapshot = snapshot;
    this.plan = plan;
    this.cells = List.copyOf(cells);
  }

  /** The manifest; {@code finishedAt} is null while running. */
  public Manifest create(Instant finishedAt) {
    Map<String, PlannedCell> tasks = new LinkedHashMap<>();
    Map<String, Manifest.ModelInfo> models = new LinkedHashMap<>();
    List<Manifest.CellInfo> cellInfos = new ArrayList<>();
    for (PlannedCell cell : cells) {
      tasks.putIfAbsent(cell.task().id(), cell);
      DescribedModel model = cell.model();
      models.putIfAbsent(model.id(), new Manifest.ModelInfo(model.id(), model.version(), model.plugin().toString(),
          model.iterationMeaning()));
      Manifest.CellInfo kept = keptCells.get(cell.key());
      cellInfos.add(kept != null
          ? new Manifest.CellInfo(plan.cells().indexOf(cell), model.id(), cell.task().id(), cell.train().id(),
              cell.seed(), kept.taskSeed(), kept.taskConfig(), kept.modelConfig())
          : new Manifest.CellInfo(plan.cells().indexOf(cell), model.id(), cell.task().id(), cell.train().id(),
              cell.seed(), cell.taskSeed(), cell.taskConfig().asMap(), cell.config().asMap()));
    }
    Suite suite = identity.suite();
    return new Manifest(RunFormat.VERSION, new Manifest.Harness("reckon", harnessVersion(), ApiVersion.CURRENT),
        identity.runId(), identity.shard(), List.of(), command, new Manifest.SuiteInfo(suite.name(), suite.description(),
        identity.suiteSource(), suite.cellTimeLimitMinutes(), identity.suiteFingerprint()), startedAt, resumedAt,
        finishedAt, environment(device, sandbox), new Manifest.Seeds(suite.allSeeds(), SEED_DERIVATION, dataSeeds()),
        catalog.plugins().stream().map(this::pluginInfo).toList(),
        Stream.concat(catalog.failures().stream(), plan.failures().stream()).map(PluginFailure::toString).toList(),
        plan.missing(), plan.unusable(),
        tasks.values().stream().map(ManifestFactory::taskInfo).toList(), List.copyOf(models.values()), cellInfos,
        earlierAttempts);
  }

  /** The seed of every dataset the plan's cells generate: training sets for learning models, every evaluated level. */
  private List<DataSeed> dataSeeds() {
    Set<DataSeed> seeds = new LinkedHashSet<>();
    for (PlannedCell cell : cells) {
      if (!cell.runs()) {
        continue;
      }
      String task = cell.task().id();
      if (cell.model().learns()) {
        seeds.add(new DataSeed(task, cell.train().id(), "train", cell.trainSize(), cell.seed(),
            Seeds.trainingData(cell.seed(), task, cell.train().id())));
      }
      for (Level level : cell.eval()) {
        seeds.add(new DataSeed(task, level.id(), "eval", cell.evalSize(), cell.seed(),
            Seeds.evaluationData(task, level.id())));
      }
    }
    return List.copyOf(seeds);
  }

  public static String harnessVersion() {
    String version = ManifestFactory.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private static Manifest.Environment environment(ComputeDevice device, Sandbox sandbox) {
    Engine engine = device.engine();
    Map<String, String> threads = new TreeMap<>();
    for (String variable : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
      threads.put(variable, System.getenv().getOrDefault(variable, "unset"));
    }
    for (String property : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
      threads.put(property, System.getProperty(property, "unset"));
    }
    return new Manifest.Environment(ComputeDevice.host(), device.name(), engine.getEngineName(), engine.getVersion(),
        ComputeDevice.nativeLibrary(), ComputeDevice.cudaVersion(), Engine.getDjlVersion(),
        engine.getGpuCount(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), threads,
        new Manifest.SandboxInfo(sandbox.mode().toString(), sandbox.active()));
  }

  /** A loaded plugin with its jars' checksums, what it offers, and the run's copy of it its cells loaded. */
  private Manifest.PluginInfo pluginInfo(Plugin plugin) {
    return new Manifest.PluginInfo(plugin.source().toString(),
        plugin.jars().stream().map(jar -> new Manifest.JarInfo(jar.path().toString(), jar.sha256())).toList(),
        catalog.tasks().stream().filter(t -> t.plugin().equals(plugin.source())).map(DescribedTask::id).toList(),
        catalog.models().stream().filter(m -> m.plugin().equals(plugin.source())).map(DescribedModel::id).toList(),
        snapshot.place(plugin).orElse(null));
  }

  private static Manifest.TaskInfo taskInfo(PlannedCell cell) {
    MadeTask made = cell.made();
    return new Manifest.TaskInfo(cell.task().id(), cell.task().version(), made.format(), made.semantics(),
        made.metrics().get(0).id(), made.metrics(), made.levels(), made.referenceSolver(), made.classicalReferences());
  }
}
