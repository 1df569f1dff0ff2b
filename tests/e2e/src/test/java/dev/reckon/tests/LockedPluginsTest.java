package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin lock pins the jars a run may load: {@code reckon lock} writes every loaded jar (the
 * distribution's too) by file name with its sha256, and {@code reckon run --lock}, new or resumed,
 * refuses before any cell a jar the lock lacks, a jar whose bytes changed and a locked jar that is
 * not loaded, naming each, with exit status 2.
 */
class LockedPluginsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void aRunWithALockLoadsTheLockedJarsAndNoOthers() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("sorting", plugins.resolve("sorting.jar"));
    PluginJars.example("graph-colouring", plugins.resolve("colouring.jar"));
    Path suite = Files.writeString(work.resolve("locked.yaml"), """
        name: locked
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 20
            evalSize: 20
        models:
          - id: oracle
        """);

    Cli.Outcome locking = Cli.reckon("lock", "--plugins", plugins.toString());
    assertEquals(0, locking.status(), locking::toString);
    Path lock = Files.writeString(work.resolve("reckon.lock"), locking.out());
    JsonNode written = JSON.readTree(locking.out());
    Map<String, String> locked = lockedJars(written);
    assertTrue(locked.containsKey("sorting.jar") && locked.containsKey("colouring.jar"), locking::toString);
    assertTrue(locked.keySet().stream().anyMatch(jar -> jar.startsWith("task-sudoku-")),
        () -> "the distribution's own jars are locked too: " + locking);
    assertTrue(written.path("plugins").findValues("tasks").stream()
        .anyMatch(tasks -> "1".equals(tasks.path("third-party-sorting").asText())), () -> "the sorting task's version: " + locking);

    Path runs = work.resolve("runs");
    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        runs.toString(), "--lock", lock.toString());
    assertEquals(0, run.status(), run::toString);
    Path runDirectory = RunFiles.onlyRun(runs);
    assertEquals(manifestJars(runDirectory), locked, "the lock's hashes are those the manifest records");

    Cli.Outcome resumed = Cli.reckon("run", "--plugins", plugins.toString(), "--resume", runDirectory.toString(),
        "--lock", lock.toString());
    assertEquals(0, resumed.status(), resumed::toString);
    assertTrue(resumed.out().contains("1 kept from before"), resumed::toString);

    PluginJars.build("twin-a", plugins.resolve("twin-a.jar"));
    Path refusedRuns = work.resolve("refused-runs");
    assertRefused(Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        refusedRuns.toString(), "--lock", lock.toString()), "twin-a.jar (sha256 ", ") is not in the lock");
    assertFalse(Files.exists(refusedRuns), "refused before a run directory is made");
    Files.delete(plugins.resolve("twin-a.jar"));

    byte[] sorting = Files.readAllBytes(plugins.resolve("sorting.jar"));
    Files.copy(plugins.resolve("colouring.jar"), plugins.resolve("sorting.jar"), StandardCopyOption.REPLACE_EXISTING);
    String manifest = Files.readString(runDirectory.resolve("manifest.json"));
    String cells = Files.readString(runDirectory.resolve("cells.csv"));
    assertRefused(Cli.reckon("run", "--plugins", plugins.toString(), "--resume", runDirectory.toString(), "--lock",
        lock.toString()), "sorting.jar has sha256 ", "which differs from the lock's "
        + locked.get("sorting.jar").substring(0, 12));
    assertEquals(manifest, Files.readString(runDirectory.resolve("manifest.json")), "refused before the resume");
    assertEquals(cells, Files.readString(runDirectory.resolve("cells.csv")), "refused before any cell");
    Files.write(plugins.resolve("sorting.jar"), sorting);

    Files.delete(plugins.resolve("colouring.jar"));
    assertRefused(Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        refusedRuns.toString(), "--lock", lock.toString()), "colouring.jar is in the lock but was not loaded");
    assertFalse(Files.exists(refusedRuns), "refused before a run directory is made");
  }

  @Test
  void aLockFileThatIsMissingOrMalformedIsAUsageErrorNamingIt() throws IOException {
    Path out = work.resolve("runs");
    Path missing = work.resolve("nowhere.lock");
    assertRefused(Cli.reckon("run", "--lock", missing.toString(), "--out", out.toString()),
        "lock file " + missing + " does not exist");

    Path text = Files.writeString(work.resolve("text.lock"), "sorting.jar 0123\n");
    assertRefused(Cli.reckon("run", "--lock", text.toString(), "--out", out.toString()),
        "lock file " + text + " is not a plugin lock: ", "(line 1)");

    Path unhashed = Files.writeString(work.resolve("unhashed.lock"),
        "{\"lockFormat\": 1, \"plugins\": [{\"jars\": [{\"file\": \"sorting.jar\"}]}]}");
    assertRefused(Cli.reckon("run", "--lock", unhashed.toString(), "--out", out.toString()),
        "lock file " + unhashed + " is not a plugin lock: jar sorting.jar needs a file name and a sha256");

    Path future = Files.writeString(work.resolve("future.lock"), "{\"lockFormat\": 2, \"plugins\": []}");
    assertRefused(Cli.reckon("run", "--lock", future.toString(), "--out", out.toString()),
        "its lockFormat is 2, and this reckon reads lock format 1");
    assertFalse(Files.exists(out), "refused before a run directory is made");
  }

  /** Exit status 2 and one line on standard error holding every part. */
  @Test
  void everyShardOfASlurmArrayRunsWithTheLock() throws IOException {
    Cli.Outcome locked = Cli.reckon("lock");
    assertEquals(0, locked.status(), locked::toString);
    Path lock = Files.writeString(work.resolve("reckon.lock"), locked.out());
    Path scripts = work.resolve("scripts");
    Cli.Outcome slurm = Cli.reckon("slurm", "quick", "--shards", "2", "--scripts", scripts.toString(), "--lock",
        lock.toString(), "--launcher", Cli.DISTRIBUTION.resolve("bin/reckon").toString());
    assertEquals(0, slurm.status(), slurm::toString);
    assertTrue(Files.readString(scripts.resolve("reckon-quick.sbatch")).contains(" --lock '" + lock.toAbsolutePath()
        + "'"), slurm::toString);

    Cli.Outcome missing = Cli.reckon("slurm", "quick", "--shards", "2", "--scripts", scripts.toString(), "--lock",
        work.resolve("nothing.lock").toString(), "--launcher", Cli.DISTRIBUTION.resolve("bin/reckon").toString());
    assertEquals(2, missing.status(), missing::toString);
    assertTrue(missing.err().contains("lock file " + work.resolve("nothing.lock") + " does not exist"), missing::toString);
  }

  private static void assertRefused(Cli.Outcome outcome, String... parts) {
    assertEquals(2, outcome.status(), outcome::toString);
    assertTrue(outcome.err().lines().anyMatch(line -> line.startsWith("reckon: ")
        && Arrays.stream(parts).allMatch(line::contains)), () -> "no line with " + String.join(" ... ", parts)
        + " in\n" + outcome);
  }

  private static Map<String, String> lockedJars(JsonNode lock) {
    Map<String, String> jars = new TreeMap<>();
    lock.path("plugins").forEach(plugin -> plugin.path("jars")
        .forEach(jar -> jars.put(jar.path("file").asText(), jar.path("sha256").asText())));
    return jars;
  }

  private static Map<String, String> manifestJars(Path runDirectory) throws IOException {
    Map<String, String> jars = new TreeMap<>();
    JSON.readTree(runDirectory.resolve("manifest.json").toFile()).path("plugins").forEach(plugin -> plugin.path("jars")
        .forEach(jar -> jars.put(Path.of(jar.path("path").asText()).getFileName().toString(),
            jar.path("sha256").asText())));
    return jars;
  }
}
