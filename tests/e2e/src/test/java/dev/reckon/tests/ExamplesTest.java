package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples/ projects as examples/README.md tells a user to use them: each builds with Maven,
 * its conformance and learning tests passing, into a jar; dropped in, the message-passing network
 * learns to colour small graphs, colours larger ones, and its own claims are decided in the report.
 * It needs this build's artifacts installed, so it runs in the {@code slow} profile.
 */
class ExamplesTest {
  private static final List<String> PROJECTS = List.of("graph-colouring", "message-passing");

  @TempDir Path work;

  @Test
  void theExampleTaskAndModelBuildRunAndDecideTheModelsClaims() throws IOException, InterruptedException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    for (String name : PROJECTS) {
      Path project = copy(Cli.ROOT.resolve("examples").resolve(name), work.resolve(name));
      String build = Maven.run(project, "package");
      assertTrue(Maven.testsPassed(build), build);
      Files.copy(project.resolve("target/" + name + "-1.0.jar"), plugins.resolve(name + "-1.0.jar"));
    }
    Path suite = Files.writeString(work.resolve("examples.yaml"), """
        name: examples
        seeds: [1]
        tasks:
          - id: colouring
            train: n8
            eval: [n8, n16]
            trainSize: 1000
            evalSize: 100
        models:
          - id: oracle
          - id: uniform
          - id: message-mlp
        """);

    Path out = work.resolve("runs");
    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        out.toString());
    assertEquals(0, run.status(), run::toString);
    Path directory = RunFiles.onlyRun(out);
    List<Map<String, String>> results = RunFiles.csv(directory.resolve("results.csv"));
    double larger = RunFiles.value(results, "message-mlp", "colouring", "n16", "valid_rate", 16);
    double guessed = RunFiles.value(results, "uniform", "colouring", "n16", "valid_rate", 1);
    assertTrue(larger > guessed + 0.3, "16-node graphs coloured properly: message-mlp " + larger + ", uniform "
        + guessed);
    String md = Files.readString(directory.resolve("report/report.md"));
    assertTrue(md.contains("| **message-mlp-colours-graphs** | plugin jar message-passing-1.0 | reproduced (1 seed): "), md);
    assertTrue(md.contains("| **message-mlp-more-rounds** | plugin jar message-passing-1.0 | "), md);

    Cli.Outcome verified = Cli.reckon("verify-plugin", plugins.resolve("graph-colouring-1.0.jar").toString(),
        plugins.resolve("message-passing-1.0.jar").toString(), "--plugins", plugins.toString(), "--plugins",
        Cli.DISTRIBUTION.resolve("plugins").toString(), "--model-config", "updates=20");
    assertEquals(0, verified.status(), verified::toString);
    assertTrue(verified.out().contains("pass plugin message-passing-1.0.jar: its claims file loads (2 claims, 0 sanity "
        + "checks)"), verified::toString);
  }

  /** A copy of the project's sources, so that its build writes nothing into the repository. */
  private static Path copy(Path project, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(project)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = project.relativize(file);
        if (!relative.startsWith("target")) {
          Files.createDirectories(target.resolve(relative).getParent());
          Files.copy(file, target.resolve(relative));
        }
      }
    }
    return target;
  }
}
