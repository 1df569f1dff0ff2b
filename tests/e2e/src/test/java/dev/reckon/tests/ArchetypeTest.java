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

/**
 * A plugin author's first quarter hour, as docs/writing-a-plugin.md tells it: both archetypes generate a project
 * from the local repository, each builds with its conformance test into a jar, and the two jars,
 * dropped in, run beside the built-ins. It needs this build's artifacts installed ({@code mvn
 * install}), so it runs in the {@code slow} profile, which CI runs as {@code mvn -B install -Pslow}.
 */
class ArchetypeTest {
  private static final String VERSION = System.getProperty("reckon.version", "0.1.0-SNAPSHOT");
  private static final String ARCHETYPE_PLUGIN = "org.apache.maven.plugins:maven-archetype-plugin:3.2.1:generate";

  @TempDir Path work;

  @Test
  void generatedModelAndTaskProjectsBuildPassTheKitAndRun() throws IOException, InterruptedException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    for (String kind : List.of("model", "task")) {
      Maven.run(work, ARCHETYPE_PLUGIN, "-DarchetypeGroupId=dev.reckon", "-DarchetypeArtifactId=" + kind
          + "-plugin-archetype", "-DarchetypeVersion=" + VERSION, "-DgroupId=org.example", "-DartifactId=my-" + kind,
          "-Dversion=1.0", "-Dpackage=org.example.my" + kind, "-D" + kind + "Id=my-" + kind);
      Path project = work.resolve("my-" + kind);
      String build = Maven.run(project, "package");
      assertTrue(Maven.testsPassed(build), build);
      Files.copy(project.resolve("target/my-" + kind + "-1.0.jar"), plugins.resolve("my-" + kind + ".jar"));
    }

    Path out = work.resolve("runs");
    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", "quick", "--models",
        "my-model,oracle,uniform", "--tasks", "sudoku-4x4,my-task", "--out", out.toString());
    assertEquals(0, run.status(), run::toString);
    List<Map<String, String>> results = RunFiles.csv(RunFiles.onlyRun(out).resolve("results.csv"));
    assertEquals(1.0, RunFiles.value(results, "oracle", "my-task", "len4", "sequence_accuracy", 1), 1e-9);
    assertTrue(results.stream().anyMatch(row -> row.get("model").equals("my-model")
        && row.get("task").equals("sudoku-4x4")), "the generated model was evaluated");
  }
}
