package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.runner.execution.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plugin code that reaches other cells through the jars (issue 31): a plugin whose constructor
 * ends the cells of other models ("parasite"), a model that overwrites another plugin's jar or
 * drops a new one in the plugin directory mid-run ("jar-swap", "jar-drop"). A cell loads only its
 * model's and task's plugins, from the run's copy of them, so every other model's rows are byte for
 * byte those of a clean run, with or without the sandbox.
 */
class PluginSnapshotTest {
  private static final String SUITE = """
      seeds: [7]
      tasks:
        - id: sudoku-4x4
          train: b6
          eval: [b6]
          evalSize: 30
      models:
      """;

  @TempDir Path work;

  @Test
  void aPluginsConstructorRunsInNoOtherModelsCell() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("parasite", plugins.resolve("parasite.jar"));
    Path suite = suite("baselines", "oracle", "uniform");

    Cli.Outcome clean = Cli.reckon("run", "--suite", suite.toString(), "--out", work.resolve("clean").toString(),
        "--sandbox", "off");
    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        work.resolve("runs").toString(), "--sandbox", "off");

    assertEquals(0, clean.status(), clean::toString);
    assertEquals(0, run.status(), run::toString);
    assertEquals(lines(RunFiles.onlyRun(work.resolve("clean")), "oracle", "uniform"),
        lines(RunFiles.onlyRun(work.resolve("runs")), "oracle", "uniform"));
  }

  /**
   * The swapper, which runs first, overwrites victim.jar with a build that answers 2 and drops
   * 0-dropped.jar, whose victim-model answers 3 and would be found first; the victim's cell still
   * answers 1. Without the sandbox both writes land (the run's copy protects); in it the plugin
   * directory is not even mounted.
   */
  @ParameterizedTest
  @ValueSource(strings = {"off", "auto"})
  void aJarSwappedOrDroppedMidRunReachesNoCell(String sandbox) throws IOException {
    boolean sandboxed = Sandbox.inspect(sandbox).active();
    Path spare = Files.createDirectories(work.resolve("spare"));
    Path victim = PluginJars.build("victim", spare.resolve("victim.jar"));
    PluginJars.withEntry(PluginJars.build("victim", spare.resolve("victim-2.jar")), "victim-label.txt", "2");
    PluginJars.withEntry(PluginJars.build("victim", spare.resolve("dropped.jar")), "victim-label.txt", "3");
    Path cleanPlugins = Files.createDirectories(work.resolve("clean-plugins"));
    Files.copy(victim, cleanPlugins.resolve("victim.jar"));
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    Files.copy(victim, plugins.resolve("victim.jar"));
    PluginJars.withEntry(PluginJars.build("jar-swapper", plugins.resolve("swapper.jar")), "swap.txt",
        spare.resolve("victim-2.jar") + " " + plugins.resolve("victim.jar") + "\n"
            + spare.resolve("dropped.jar") + " " + plugins.resolve("0-dropped.jar") + "\n");
    String victimSha = sha256(victim);

    Cli.Outcome clean = Cli.reckon("run", "--plugins", cleanPlugins.toString(), "--suite",
        suite("clean", "victim-model").toString(), "--out", work.resolve("clean").toString(), "--sandbox", sandbox);
    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite",
        suite("swap", "swapper", "victim-model").toString(), "--out", work.resolve("runs").toString(), "--jobs", "1",
        "--sandbox", sandbox);

    assertEquals(0, clean.status(), clean::toString);
    assertEquals(0, run.status(), run::toString);
    Path runDirectory = RunFiles.onlyRun(work.resolve("runs"));
    String swapperLog = Files.readString(runDirectory.resolve("cell-output/swapper__sudoku-4x4__b6__seed-7.log"));
    assertTrue(swapperLog.contains(sandboxed ? "swapper: cannot write" : "swapper: wrote " + plugins.resolve(
        "0-dropped.jar")), swapperLog);
    assertEquals(lines(RunFiles.onlyRun(work.resolve("clean")), "victim-model"), lines(runDirectory, "victim-model"));

    // The manifest names the copy the victim's cell loaded, with the sha256 discovery read, and the sandbox.
    JsonNode manifest = new ObjectMapper().readTree(runDirectory.resolve("manifest.json").toFile());
    JsonNode victimPlugin = null;
    for (JsonNode plugin : manifest.at("/plugins")) {
      if (plugin.at("/source").asText().endsWith("victim.jar")) {
        victimPlugin = plugin;
      }
    }
    assertTrue(victimPlugin != null, manifest::toPrettyString);
    assertEquals(victimSha, victimPlugin.at("/jars/0/sha256").asText());
    Path copy = runDirectory.resolve(victimPlugin.at("/snapshot").asText());
    assertTrue(copy.startsWith(runDirectory.resolve("plugin-jars")), copy::toString);
    assertEquals(victimSha, sha256(copy));
    assertEquals(sandbox, manifest.at("/environment/sandbox/mode").asText());
    assertEquals(sandboxed, manifest.at("/environment/sandbox/bubblewrap").asBoolean());

    if (!sandboxed) {
      // The plugin directory is no longer what the run ran: resume says so in one sentence, exit 2.
      Cli.Outcome resumed = Cli.reckon("run", "--plugins", plugins.toString(), "--resume", runDirectory.toString(),
          "--sandbox", sandbox);
      assertEquals(2, resumed.status(), resumed::toString);
      // (Discovery's warning that the dropped jar's id shadows the victim's comes before it.)
      assertEquals(1, resumed.err().strip().lines().filter(line -> !line.startsWith("warning:")).count(),
          resumed::toString);
      assertTrue(resumed.err().contains("jar victim.jar") && resumed.err().contains("jar 0-dropped.jar")
          && resumed.err().contains("--accept-changes"), resumed::toString);
    }
  }

  private Path suite(String name, String... models) throws IOException {
    StringBuilder text = new StringBuilder("name: " + name + "\n" + SUITE);
    for (String model : models) {
      text.append("  - id: ").append(model).append('\n');
    }
    Path file = work.resolve(name + ".yaml");
    Files.writeString(file, text);
    return file;
  }

  private static List<String> lines(Path runDirectory, String... models) throws IOException {
    return Files.readAllLines(runDirectory.resolve("results.csv")).stream()
        .filter(line -> List.of(models).stream().anyMatch(model -> line.startsWith(model + ","))).toList();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
