package dev.reckon.runner.results;

import dev.reckon.reports.format.RunFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.runner.execution.CellKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * manifest.json: everything needed to know what a run was and to redo it. Written when the run
 * starts and again when it ends (or is resumed), so an interrupted run still has one.
 */
public record Manifest(int formatVersion, Harness harness, String runId, Shard shard, List<ShardRun> shards,
    List<String> command, SuiteInfo suite, Instant startedAt, List<Instant> resumedAt, Instant finishedAt,
    Environment environment, Seeds seeds, List<PluginInfo> plugins, List<String> pluginFailures,
    List<String> missingFromSuite, List<String> unusableTasks, List<TaskInfo> tasks, List<ModelInfo> models,
    List<CellInfo> cells, List<Attempt> earlierAttempts) {

  public record Harness(String name, String version, int apiVersion) {}

  /**
   * @param fingerprint sha256 of the suite as saved in suite.yaml: shards of one run share it
   */
  public record SuiteInfo(String name, String description, String file, double cellTimeLimitMinutes,
      String fingerprint) {}

  /**
   * Which part of the run this directory holds, when the run was split into shards; null otherwise.
   *
   * @param index from 0
   * @param count the shards of the run
   * @param plannedCells the cells of the whole run, which the shards share out
   */
  public record Shard(int index, int count, int plannedCells) {}

  /**
   * What an earlier attempt of a resumed run ran with: its start, its plugin jars, its datasets'
   * seeds, the suite's fingerprint. Kept because the cells it finished were computed with them.
   */
  public record Attempt(Instant startedAt, String suiteFingerprint, List<PluginInfo> plugins, List<DataSeed> data) {}

  /** One shard of a merged run: where it ran, on what, and when. */
  public record ShardRun(int index, String directory, String host, String device, Instant startedAt,
      Instant finishedAt) {}

  /** Where it ran: the device, the engine, and the threads it could use. */
  public record Environment(String host, String device, String engine, String engineVersion, String nativeLibrary,
      String cudaVersion, String djlVersion, int gpuCount,
      int availableProcessors, String javaVersion, String os, Map<String, String> threadSettings,
      SandboxInfo sandbox) {}

  /**
   * The cells' sandbox: {@code --sandbox required|auto|off}, and whether bubblewrap was in force
   * (auto runs without it where it does not work); null in a manifest written before it was recorded.
   */
  public record SandboxInfo(String mode, boolean bubblewrap) {}

  /**
   * The seeds: {@code run} are the suite's, one repetition each; every other seed is derived from
   * one of them and the names in {@code derivation}, and the per-cell ones are in cells.csv.
   */
  public record Seeds(List<Long> run, String derivation, List<DataSeed> data) {}

  /** The seed that generated one dataset. */
  public record DataSeed(String task, String level, String role, int size, long runSeed, long dataSeed) {}

  /**
   * @param source the jar or plugin folder discovery loaded, in its plugin directory
   * @param snapshot the run's copy of it that cells loaded, relative to the run directory
   *     ({@code plugin-jars/<key>/<name>}); null for a plugin no cell of the run used
   */
  public record PluginInfo(String source, List<JarInfo> jars, List<String> tasks, List<String> models,
      String snapshot) {}

  public record JarInfo(String path, String sha256) {}

  /**
   * A task as the run's first seed made it.
   *
   * @param format the id of its data shape ({@code labeling}, {@code sequence}, {@code retrieval}, ...)
   * @param semantics everything its format declares, in one line
   * @param referenceSolver whether it has an exact solver, which the oracle answers with
   * @param classicalReferences the models it names as its exact classical references
   */
  public record TaskInfo(String id, String version, String format, String semantics, String primaryMetric,
      List<Metric> metrics, List<Level> levels, boolean referenceSolver, List<String> classicalReferences) {}

  /** @param iterationMeaning what one iteration of the model's test-time compute axis is */
  public record ModelInfo(String id, String version, String plugin, String iterationMeaning) {}

  /**
   * The effective settings of one cell's task and model, and the task's own seed.
   *
   * @param index the cell's place in the whole run's plan, which orders the rows of every table
   */
  public record CellInfo(int index, String model, String task, String trainLevel, long seed, long taskSeed,
      Map<String, Object> taskConfig, Map<String, Object> modelConfig) {
    public CellKey key() {
      return new CellKey(model, task, trainLevel, seed);
    }
  }

  /** The plugin jars as file name and sha256: the same build has the same on every machine, wherever it lies. */
  public static java.util.SortedSet<String> jarFingerprints(List<PluginInfo> plugins) {
    java.util.SortedSet<String> jars = new java.util.TreeSet<>();
    plugins.forEach(plugin -> plugin.jars().forEach(jar -> jars.add(jarFingerprint(Path.of(jar.path()), jar.sha256()))));
    return jars;
  }

  /** One jar's fingerprint: {@code <file name> <sha256>}. */
  public static String jarFingerprint(Path jar, String sha256) {
    return jar.getFileName() + " " + sha256;
  }

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes manifest.json in {@code directory}, replacing the old one atomically. */
  public void write(Path directory) {
    Path file = directory.resolve(RunFormat.MANIFEST);
    Path temporary = directory.resolve(RunFormat.MANIFEST + ".tmp");
    try {
      JSON.writeValue(temporary.toFile(), this);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static Manifest read(Path directory) {
    Path file = directory.resolve(RunFormat.MANIFEST);
    try {
      return JSON.readValue(file.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
