package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits with status 2 and one sentence naming the thing and the reason. */
class UsageErrorsTest {
  @TempDir Path work;

  @Test
  void unknownModelId() {
    assertUsage(Cli.reckon("run", "--models", "no-such-model", "--out", work.toString()),
        "unknown model id 'no-such-model'; the discovered models are oracle");
  }

  @Test
  void unknownTaskId() {
    assertUsage(Cli.reckon("run", "--tasks", "chess", "--out", work.toString()), "unknown task id 'chess'");
  }

  @Test
  void unknownSuite() {
    assertUsage(Cli.reckon("run", "--suite", "weekly", "--out", work.toString()),
        "no suite 'weekly': it is neither a file nor a built-in suite (quick, default, full, stress)");
  }

  @Test
  void badDevice() {
    assertUsage(Cli.reckon("run", "--device", "tpu", "--out", work.toString()),
        "--device must be auto, cpu, gpu or gpu:N, not 'tpu'");
  }

  @Test
  void missingPluginDirectory() {
    assertUsage(Cli.reckon("list", "--plugins", work.resolve("nowhere").toString()), "does not exist");
  }

  @Test
  void resumeOfSomethingThatIsNotARun() {
    assertUsage(Cli.reckon("run", "--resume", work.toString()), "is not a run directory: it has no suite.yaml");
  }

  @Test
  void unknownOption() {
    Cli.Outcome outcome = Cli.reckon("run", "--colour");
    assertEquals(2, outcome.status(), outcome::toString);
    assertTrue(outcome.err().strip().equals("reckon: Unknown option: '--colour' (see reckon run --help)"),
        outcome::toString);
  }

  @Test
  void malformedPuzzleLineNamesTheFileAndLine() throws IOException {
    Path puzzles = work.resolve("puzzles.txt");
    Files.writeString(puzzles, "# a published set\n12x4............\n");
    Path suite = work.resolve("file.yaml");
    Files.writeString(suite, "name: file\ntasks:\n  - id: sudoku-4x4\n    train: file:" + puzzles + "\n"
        + "models:\n  - id: oracle\n");
    Cli.Outcome outcome = Cli.reckon("run", "--suite", suite.toString(), "--out", work.resolve("runs").toString());
    assertUsage(outcome, "line 2");
    assertTrue(outcome.err().contains(puzzles.toString()), outcome::toString);
  }

  @Test
  void malformedSuiteNamesTheField() throws IOException {
    Path suite = work.resolve("typo.yaml");
    Files.writeString(suite, "name: typo\nmodles:\n  - id: oracle\n");
    assertUsage(Cli.reckon("run", "--suite", suite.toString()), "unknown field 'modles'; the fields there are ");
  }

  private static void assertUsage(Cli.Outcome outcome, String message) {
    assertEquals(2, outcome.status(), outcome::toString);
    assertTrue(outcome.err().contains(message), () -> "expected '" + message + "' in\n" + outcome);
  }
}
