package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a resume refuses: a run another process writes, a suite edited since the run started
 * (unless the user accepts it, and then the manifest keeps both attempts), and a resume without the
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
}
