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

/** A trained model is saved with its run and evaluated again, on other puzzles, without training. */
class CheckpointTest {
  @TempDir Path work;

  @Test
  void aSecondRunEvaluatesTheFirstRunsModelsWithoutTraining() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("test-models", plugins.resolve("test-models.jar"));
    Path suite = work.resolve("train.yaml");
    Files.writeString(suite, """
        name: train
        tasks:
          - id: sudoku-4x4
            train: b6
            eval: [b6, b8]
            trainSize: 200
            evalSize: 50
        models:
          - id: majority
        """);
    Path firstOut = work.resolve("first");
    Cli.Outcome first = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        firstOut.toString());
    assertEquals(0, first.status(), first::toString);
    Path firstRun = RunFiles.onlyRun(firstOut);
    assertTrue(Files.exists(firstRun.resolve("checkpoints/majority/sudoku-4x4/b6/seed-1/majority.txt")));

    Path secondOut = work.resolve("second");
    Cli.Outcome second = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        secondOut.toString(), "--checkpoints-from", firstRun.toString());

    assertEquals(0, second.status(), second::toString);
    Path secondRun = RunFiles.onlyRun(secondOut);
    Map<String, String> cell = RunFiles.csv(secondRun.resolve("cells.csv")).get(0);
    assertTrue(cell.get("reason").startsWith("evaluated from the checkpoint in " + firstRun), cell::toString);
    assertTrue(RunFiles.csv(secondRun.resolve("training.csv")).isEmpty(), "no training in the second run");
    List<Map<String, String>> before = RunFiles.csv(firstRun.resolve("results.csv"));
    List<Map<String, String>> after = RunFiles.csv(secondRun.resolve("results.csv"));
    assertEquals(before, after, "the same model on the same puzzles scores the same");
  }

  @Test
  void aRunWithoutCheckpointsIsAUsageError() {
    Cli.Outcome outcome = Cli.reckon("run", "--checkpoints-from", work.toString(), "--out", work.toString());
    assertEquals(2, outcome.status(), outcome::toString);
    assertTrue(outcome.err().contains("holds no checkpoints/ folder"), outcome::toString);
  }
}
