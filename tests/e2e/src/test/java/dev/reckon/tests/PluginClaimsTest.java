package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ReckonPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's own claims: a run copies the jar's claims file into its directory, the report decides
 * them beside the project's and names the jar, leaves out claims of tasks the run lacks, and a claims
 * file that does not load is named and left out without stopping the run; verify-plugin checks it.
 */
class PluginClaimsTest {
  private static final String CLAIMS = """
      notes:
        lab: "a lab's note on graph colouring"
      claims:
        - id: oracle-colours-every-graph
          note: lab
          statement: The reference solver colours every graph properly.
          rules:
            - {kind: threshold, models: [oracle], task: colouring, levels: [all], metric: valid_rate, at_least: 1.0}
        - id: sorting-is-easy
          note: lab
          statement: The oracle sorts every list.
          rules:
            - {kind: threshold, models: [oracle], task: third-party-sorting, levels: [all], at_least: 1.0}
      """;

  @TempDir Path work;

  @Test
  void aPluginsClaimsAreCopiedDecidedAndNamedAndABrokenFileIsLeftOut() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    Path colouring = PluginJars.withEntry(PluginJars.example("graph-colouring", plugins.resolve("colouring.jar")),
        ReckonPlugin.CLAIMS_FILE, CLAIMS);
    Path broken = PluginJars.withEntry(PluginJars.build("sorting", plugins.resolve("sorting.jar")),
        ReckonPlugin.CLAIMS_FILE, "claims:\n  - id: half-written\n");
    Path suite = Files.writeString(work.resolve("colouring.yaml"), """
        name: colouring
        seeds: [1]
        tasks:
          - id: colouring
            train: n8
            eval: [n8, n12]
            evalSize: 30
        models:
          - id: oracle
          - id: uniform
        """);

    Path out = work.resolve("runs");
    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        out.toString());
    assertEquals(0, run.status(), run::toString);
    assertTrue(run.err().contains("warning: the claims of plugin jar sorting.jar are left out: "
        + ReckonPlugin.CLAIMS_FILE + " does not load: "), run::toString);
    Path directory = RunFiles.onlyRun(out);
    assertEquals(CLAIMS, Files.readString(directory.resolve("claims/colouring.yaml")));
    assertFalse(Files.exists(directory.resolve("claims/sorting.yaml")));

    String md = Files.readString(directory.resolve("report/report.md"));
    assertTrue(md.contains("| **oracle-colours-every-graph** | plugin jar colouring | reproduced (1 seed): oracle on colouring "),
        md);
    assertFalse(md.contains("**sorting-is-easy**"), "the run has no sorting task");
    assertFalse(md.contains("**rrn-more-iterations**"), "nor an rrn");
    assertTrue(md.contains("Not listed, as no run has the tasks and models they speak of: rrn-more-iterations, "), md);
    assertTrue(md.contains(", sorting-is-easy."), md);
    assertTrue(md.indexOf("## Claims of plugin jar colouring\n") > md.indexOf("## Claims of the research notes"), md);
    // The colouring task has a reference solver: the oracle is held to it as on a built-in task.
    assertTrue(md.contains("| **oracle-perfect** | seeds/claims.yaml | passed"), md);

    Cli.Outcome verified = Cli.reckon("verify-plugin", colouring.toString(), broken.toString(), "--plugins",
        Cli.DISTRIBUTION.resolve("plugins").toString());
    assertEquals(1, verified.status(), verified::toString);
    assertTrue(verified.out().contains("plugin colouring.jar: its claims file loads (2 claims, 0 sanity checks)"),
        verified::toString);
    assertTrue(verified.out().contains("FAIL plugin sorting.jar: its claims file loads (" + ReckonPlugin.CLAIMS_FILE
        + " does not load: "), verified::toString);
  }
}
