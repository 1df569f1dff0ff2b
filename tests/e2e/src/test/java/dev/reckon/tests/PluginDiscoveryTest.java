package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken plugins each get their own clear error, and everything else still loads and runs. */
class PluginDiscoveryTest {
  @TempDir Path plugins;
  @TempDir Path out;

  @Test
  void listsTheBuiltInTasksAndModelsWithTheirJars() {
    Cli.Outcome listing = Cli.reckon("list");
    assertEquals(0, listing.status(), listing::toString);
    for (String id : List.of("sudoku-4x4", "sudoku-6x6", "sudoku-9x9", "oracle", "uniform", "propagation")) {
      assertTrue(listing.out().lines().anyMatch(line -> line.trim().startsWith(id + " ") && line.contains(".jar")),
          () -> id + " missing from\n" + listing);
    }
    assertTrue(!listing.out().contains("Failed to load"), listing::toString);
  }

  @Test
  void eachBrokenPluginIsReportedByNameAndTheRestStillRuns() throws IOException {
    Files.write(plugins.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    PluginJars.build(PluginJars.resource("plugin-sources/twin-a"), plugins.resolve("no-service.jar"), false);
    PluginJars.build("api-99", plugins.resolve("future.jar"));
    PluginJars.build("throwing-provider", plugins.resolve("throwing.jar"));
    PluginJars.build("twin-a", plugins.resolve("twin-a.jar"));
    PluginJars.build("twin-b", plugins.resolve("twin-b.jar"));
    // The baselines jar as api version 1 built it: its classes name types that api 2 no longer has.
    Files.copy(PluginJars.resource("api-1/model-baselines-api1.jar"), plugins.resolve("built-for-api-1.jar"));

    Cli.Outcome listing = Cli.reckon("list", "--plugins", plugins.toString());

    assertEquals(1, listing.status(), "a plugin failed to load, so CI can gate on list: " + listing);
    String failures = listing.out().substring(listing.out().indexOf("Failed to load"));
    assertLine(failures, "corrupt.jar", "not a readable jar");
    assertLine(failures, "no-service.jar", "not a Reckon plugin: no META-INF/services/dev.reckon.api.ReckonPlugin");
    assertLine(failures, "future.jar", "built for api version 99, but this runner speaks api version 2");
    assertLine(failures, "built-for-api-1.jar", "built for api version 1, but this runner speaks api version 2; "
        + "rebuild it against dev.reckon:harness-api of api version 2");
    assertLine(failures, "throwing.jar", "cannot start: no configuration");
    assertLine(failures, "twin-b.jar", "model id 'twin' is already provided by " + plugins.resolve("twin-a.jar"));
    assertTrue(listing.out().lines().anyMatch(line -> line.trim().startsWith("twin ") && line.contains("twin-a.jar")),
        listing::toString);

    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", "quick", "--tasks", "sudoku-4x4",
        "--models", "oracle,twin", "--out", out.toString());

    assertEquals(0, run.status(), run::toString);
    assertTrue(run.err().contains("warning: plugin " + plugins.resolve("future.jar")), run::toString);
    List<Map<String, String>> cells = RunFiles.csv(RunFiles.onlyRun(out).resolve("cells.csv"));
    assertEquals(2, cells.stream().filter(c -> c.get("status").equals("done")).count(), cells::toString);
  }

  private static void assertLine(String text, String jar, String reason) {
    assertTrue(text.lines().anyMatch(line -> line.contains(jar) && line.contains(reason)),
        () -> "no line naming " + jar + " with '" + reason + "' in\n" + text);
  }
}
