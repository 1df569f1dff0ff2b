package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a resume refuses: a run another process writes, a suite edited since the run started
 * (unless the user accepts it, and then the manifest keeps both attempts and each finished cell's
 * own settings), a suite that no longer has some of the run's cells, and a resume without the
 * plugin directory some of the run's cells need.
 */
class ResumeRulesTest {
  @TempDir Path work;

  @Test
  void aResumeRefusesALockedRunAnEditedSuiteAndMissingPlugins() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("test-models", plugins.resolve("test-models.jar"));
    Path suite = Files.writeString(work.resolve("rules.yaml"), """
        name: rules
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 20
            evalSize: 20
        models:
          - id: oracle
          - id: majority
        """);
    Cli.Outcome first = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        work.resolve("runs").toString());
    assertEquals(0, first.status(), first::toString);
    Path run = RunFiles.onlyRun(work.resolve("runs"));

    try (FileChannel channel = FileChannel.open(run.resolve("run.lock"), StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      Cli.Outcome second = Cli.reckon("run", "--plugins", plugins.toString(), "--resume", run.toString());
      assertEquals(2, second.status(), second::toString);
      assertTrue(second.err().contains("is being written by pid"), second::toString);
    }

    Files.writeString(run.resolve("suite.yaml"), "# a comment that changes nothing but the bytes\n",
        StandardOpenOption.APPEND);
    Cli.Outcome edited = Cli.reckon("run", "--plugins", plugins.toString(), "--resume", run.toString());
    assertEquals(2, edited.status(), edited::toString);
    assertTrue(edited.err().contains("suite.yaml was edited") && edited.err().contains("--accept-changes"),
        edited::toString);
    Cli.Outcome accepted = Cli.reckon("run", "--plugins", plugins.toString(), "--resume", run.toString(),
        "--accept-changes");
    assertEquals(0, accepted.status(), accepted::toString);
    assertEquals(1, new ObjectMapper().readTree(run.resolve("manifest.json").toFile()).path("earlierAttempts").size(),
        "the manifest keeps what the first attempt ran with");

    Cli.Outcome withoutPlugins = Cli.reckon("run", "--resume", run.toString(), "--accept-changes");
    assertEquals(2, withoutPlugins.status(), withoutPlugins::toString);
    assertTrue(withoutPlugins.err().contains("resume with the --plugins the run had"), withoutPlugins::toString);
  }

  /**
   * After a model's setting is changed in suite.yaml and the resume accepts it, the cells finished
   * before keep the setting they ran with, in the manifest as in cells.csv: one truth. A model
   * taken out of suite.yaml is refused naming the suite, not the plugins.
   */
  @Test
  void acceptedChangesKeepEachFinishedCellsSettingsAndARemovedModelIsNamed() throws IOException {
    Path suite = Files.writeString(work.resolve("changes.yaml"), """
        name: changes
        tasks:
          - id: sudoku-4x4
            train: b6
            trainSize: 20
            evalSize: 20
        models:
          - id: oracle
          - id: propagation
            config:
              maxRounds: 8
        """);
    Cli.Outcome first = Cli.reckon("run", "--suite", suite.toString(), "--out", work.resolve("runs").toString());
    assertEquals(0, first.status(), first::toString);
    Path run = RunFiles.onlyRun(work.resolve("runs"));
    String asRun = Files.readString(run.resolve("suite.yaml"));
    assertTrue(asRun.contains("maxRounds: 8"), asRun);
    Files.writeString(run.resolve("suite.yaml"), asRun.replace("maxRounds: 8", "maxRounds: 4"));

    Cli.Outcome accepted = Cli.reckon("run", "--resume", run.toString(), "--accept-changes");

    assertEquals(0, accepted.status(), accepted::toString);
    assertTrue(accepted.out().contains("2 kept from before"), accepted::toString);
    Map<String, String> ranWith = new HashMap<>();
    RunFiles.csv(run.resolve("cells.csv")).forEach(cell -> ranWith.put(cell.get("model"), cell.get("config")));
    assertEquals("{\"maxRounds\":8}", ranWith.get("propagation"), "the cell ran with 8 rounds");
    ObjectMapper json = new ObjectMapper();
    for (JsonNode cell : json.readTree(run.resolve("manifest.json").toFile()).path("cells")) {
      assertEquals(json.readTree(ranWith.get(cell.path("model").asText())), cell.path("modelConfig"),
          "the manifest says what cells.csv says of " + cell.path("model").asText());
    }

    Files.writeString(run.resolve("suite.yaml"), asRun.substring(0, asRun.indexOf("- id: \"propagation\"")));
    Cli.Outcome removed = Cli.reckon("run", "--resume", run.toString(), "--accept-changes");
    assertEquals(2, removed.status(), removed::toString);
    assertTrue(removed.err().contains("suite.yaml, edited, no longer names model propagation"), removed::toString);
    assertTrue(!removed.err().contains("no loaded plugin"), removed::toString);
  }
}
