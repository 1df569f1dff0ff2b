package dev.reckon.runner.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
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
public record Manifest(Harness harness, String runId, List<String> command, SuiteInfo suite, Instant startedAt,
    List<Instant> resumedAt, Instant finishedAt, Environment environment, Seeds seeds, List<PluginInfo> plugins,
    List<String> pluginFailures, List<String> missingFromSuite, List<TaskInfo> tasks, List<ModelInfo> models) {

  public record Harness(String name, String version, int apiVersion) {}

  public record SuiteInfo(String name, String description, String file, double cellTimeLimitMinutes) {}

  /** Where it ran: the device, the engine, and the threads it could use. */
  public record Environment(String device, String engine, String engineVersion, String djlVersion, int gpuCount,
      int availableProcessors, String javaVersion, String os, Map<String, String> threadSettings) {}

  /**
   * The seeds: {@code run} are the suite's, one repetition each; every other seed is derived from
   * one of them and the names in {@code derivation}, and the per-cell ones are in cells.csv.
   */
  public record Seeds(List<Long> run, String derivation, List<DataSeed> data) {}

  /** The seed that generated one dataset. */
  public record DataSeed(String task, String level, String role, int size, long runSeed, long dataSeed) {}

  public record PluginInfo(String source, List<JarInfo> jars, List<String> tasks, List<String> models) {}

  public record JarInfo(String path, String sha256) {}

  public record TaskInfo(String id, String version, String format, String primaryMetric, List<Metric> metrics,
      List<Level> levels) {}

  public record ModelInfo(String id, String version, String plugin, Map<String, Object> config) {}

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes manifest.json in {@code directory}, replacing the old one atomically. */
  public void write(Path directory) {
    Path file = directory.resolve("manifest.json");
    Path temporary = directory.resolve("manifest.json.tmp");
    try {
      JSON.writeValue(temporary.toFile(), this);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static Manifest read(Path directory) {
    Path file = directory.resolve("manifest.json");
    try {
      return JSON.readValue(file.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
