package dev.reckon.runner.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.runner.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
  private final SuiteLoader loader = new SuiteLoader();

  @TempDir Path directory;

  @Test
  void aCommandLineValueIsTypedAsInASuiteFile() {
    assertEquals(20, SuiteLoader.value("20"));
    assertEquals(0.5, SuiteLoader.value("0.5"));
    assertEquals(true, SuiteLoader.value("true"));
    assertEquals(List.of(4, 8), SuiteLoader.value("[4, 8]"));
    assertEquals("adam", SuiteLoader.value("adam"));
  }

  @Test
  void everyBuiltInSuiteLoads() {
    for (String name : SuiteLoader.BUILT_IN) {
      Suite suite = loader.load(name);
      assertEquals(name, suite.name());
      assertFalse(suite.tasks().isEmpty(), name);
      assertFalse(suite.models().isEmpty(), name);
    }
  }

  /** Shards of a run, each in its own JVM, write suite.yaml and compare its fingerprint. */
  @Test
  void aSuiteIsWrittenWithItsSettingsInTheFilesOrder() throws IOException {
    Path file = directory.resolve("ordered.yaml");
    Files.writeString(file, "name: ordered\ntasks:\n  - id: t\n    config: {zeta: 1, alpha: 2, mid: 3}\n"
        + "    modelConfig: {updates: 5, hidden: 6, learningRate: 0.1, steps: 2, evalEvery: 1}\n"
        + "models:\n  - id: m\n    config: {updates: 300, hidden: 32, learningRate: 0.003, steps: 6, evalEvery: 50}\n");
    String written = loader.write(loader.load(file.toString()));
    assertOrdered(written, "zeta", "alpha", "mid");
    assertOrdered(written, "updates: 5", "hidden: 6", "learningRate: 0.1", "steps: 2", "evalEvery: 1");
    assertOrdered(written, "updates: 300", "hidden: 32", "learningRate: 0.003", "steps: 6", "evalEvery: 50");
  }

  private static void assertOrdered(String text, String... keys) {
    for (int i = 1; i < keys.length; i++) {
      assertTrue(text.indexOf(keys[i - 1]) < text.indexOf(keys[i]), keys[i - 1] + " before " + keys[i] + " in\n" + text);
    }
  }

  @Test
  void defaultsFillWhatASuiteLeavesOut() throws IOException {
    Path file = directory.resolve("small.yaml");
    Files.writeString(file, "name: small\ntasks:\n  - id: t\nmodels:\n  - id: m\n    config: {hidden: 64}\n");
    Suite suite = loader.load(file.toString());
    assertEquals(List.of(1L), suite.seeds());
    assertEquals(1000, suite.tasks().get(0).trainSize());
    assertEquals(200, suite.tasks().get(0).evalSize());
    assertEquals(64, suite.models().get(0).config().get("hidden"));
    assertTrue(suite.models().get(0).runsOn("anything"));
  }

  @Test
  void aWrittenSuiteReadsBackTheSame() throws IOException {
    Suite suite = loader.load("default");
    Path file = directory.resolve("copy.yaml");
    Files.writeString(file, loader.write(suite));
    assertEquals(suite, loader.load(file.toString()));
  }

  @Test
  void aMisspelledFieldIsAUsageErrorNamingIt() throws IOException {
    Path file = directory.resolve("typo.yaml");
    Files.writeString(file, "name: typo\nseed: [1]\n");
    UsageException error = assertThrows(UsageException.class, () -> loader.load(file.toString()));
    assertEquals(file + " is not a valid suite: unknown field 'seed'; the fields there are cellTimeLimitMinutes, "
        + "description, models, name, seeds, tasks", error.getMessage());
  }

  @Test
  void aSeedListedTwiceIsRefused() throws IOException {
    assertRefused("name: s\nseeds: [1, 1]\n" + TASK_AND_MODEL,
        "is not a valid suite: seeds [1, 1] lists 1 twice, which would run every cell of that seed twice");
    assertRefused("name: s\nseeds:\n  - 1\n  -\n" + TASK_AND_MODEL,
        "is not a valid suite: seeds [1, null] holds an empty item; a seed is a whole number");
  }

  @Test
  void seedsAreACountOrAListAndATaskOrModelEntryMaySetItsOwn() throws IOException {
    Path file = directory.resolve("counted.yaml");
    Files.writeString(file, "name: s\nseeds: 3\ntasks:\n  - id: sudoku-4x4\n  - id: sudoku-6x6\n    seeds: [5]\n"
        + "models:\n  - id: oracle\n    seeds: 1\n  - id: uniform\n    seeds: [2, 9]\n  - id: propagation\n");
    Suite suite = loader.load(file.toString());
    assertEquals(List.of(1L, 2L, 3L), suite.seeds());
    assertEquals(List.of(1L), suite.models().get(0).seeds());
    assertEquals(List.of(1L, 2L, 3L, 5L, 9L), suite.allSeeds());
    Suite.TaskEntry fourByFour = suite.tasks().get(0);
    Suite.TaskEntry sixBySix = suite.tasks().get(1);
    assertEquals(List.of(2L, 9L), suite.seedsOf(fourByFour, suite.models().get(1)));
    assertEquals(List.of(1L), suite.seedsOf(sixBySix, suite.models().get(0)), "a model entry's seeds come first");
    assertEquals(List.of(5L), suite.seedsOf(sixBySix, suite.models().get(2)), "then the task entry's");
    assertEquals(List.of(1L, 2L, 3L), suite.seedsOf(fourByFour, suite.models().get(2)), "then the suite's");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    seeds: 0\nmodels:\n  - id: oracle\n",
        "is not a valid suite: seeds: N runs the seeds 1 to N, so N is from 1 to 1000, not 0 (line 4)");
    assertRefused("name: s\nseeds: 0\n" + TASK_AND_MODEL,
        "is not a valid suite: seeds: N runs the seeds 1 to N, so N is from 1 to 1000, not 0 (line 2)");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\nmodels:\n  - id: oracle\n    seeds: [4, 4]\n",
        "is not a valid suite: model entry oracle's seeds [4, 4] lists 4 twice, which would run every cell of that seed twice");
  }

  @Test
  void dataSizesAndTheTimeLimitMustBePositive() throws IOException {
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    evalSize: -5\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entry sudoku-4x4 has evalSize -5; it must be from 1 to 10000000");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    train: b6\n    evalSize: 0\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entry sudoku-4x4 (train b6) has evalSize 0; it must be from 1 to 10000000");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    trainSize: -1\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entry sudoku-4x4 has trainSize -1; it must be from 1 to 10000000");
    assertRefused("name: s\ncellTimeLimitMinutes: -1\n" + TASK_AND_MODEL,
        "is not a valid suite: cellTimeLimitMinutes must be a number of minutes above 0 and at most 10080 (a week), "
            + "not -1");
    assertRefused("name: s\ncellTimeLimitMinutes: 0\n" + TASK_AND_MODEL,
        "is not a valid suite: cellTimeLimitMinutes must be a number of minutes above 0 and at most 10080 (a week), "
            + "not 0");
  }

  @Test
  void aNameThatIsNoSafeNameIsRefused() throws IOException {
    for (String name : List.of("a/b", "--out", "..", "'a b'", "x..y")) {
      assertRefused("name: " + name + "\n" + TASK_AND_MODEL, "is not a valid suite: its name '"
          + name.replace("'", "") + "' is not a safe name (1 to 64 letters, digits, '.', '_' or '-', starting with a "
          + "letter or digit, without '..'); it names the run directory");
    }
  }

  @Test
  void aModelListedTwiceIsRefused() throws IOException {
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\nmodels:\n  - id: oracle\n  - id: uniform\n"
        + "  - id: oracle\n    config: {}\n", "is not a valid suite: it lists model oracle twice, which would run its "
        + "cells twice (entries of one model need tasks lists without a task in common; a setting of one model on "
        + "one task goes in its entry's configOn)");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\nmodels:\n  - {id: rrn, tasks: [sudoku-4x4, sudoku-6x6]}\n"
        + "  - {id: rrn, tasks: [sudoku-6x6], config: {steps: 4}}\n", "is not a valid suite: it lists model rrn twice "
        + "for task sudoku-6x6, which would run its cells twice (entries of one model need tasks lists without a task "
        + "in common; a setting of one model on one task goes in its entry's configOn)");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\nmodels:\n  - {id: rrn, configOn: {sudoku-6x6: {steps: 4}}}\n",
        "is not a valid suite: model entry rrn sets configOn for task sudoku-6x6, which it does not run on in this suite");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n  - id: sudoku-6x6\nmodels:\n"
        + "  - {id: rrn, tasks: [sudoku-4x4], configOn: {sudoku-6x6: {steps: 4}}}\n", "is not a valid suite: model "
        + "entry rrn sets configOn for task sudoku-6x6, which it does not run on in this suite (its tasks: sudoku-4x4)");
  }

  /** A setting per task: two entries of one model on tasks apart, each with its own config. */
  @Test
  void aModelListedForSeparateTasksKeepsEachEntrysSettings() throws IOException {
    Path file = Files.writeString(directory.resolve("per-task.yaml"), "name: s\ntasks:\n  - id: sudoku-4x4\n  - id: sudoku-6x6\nmodels:\n"
        + "  - {id: rrn, tasks: [sudoku-4x4], config: {steps: 4}}\n  - {id: rrn, tasks: [sudoku-6x6], config: {steps: 8}}\n");
    Suite suite = loader.load(file.toString());
    assertEquals(List.of(Map.of("steps", 4), Map.of("steps", 8)),
        suite.models().stream().map(Suite.ModelEntry::config).toList());
  }

  @Test
  void theSameTaskEntryTwiceIsRefusedButAnotherTrainingLevelIsNot() throws IOException {
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n  - id: sudoku-4x4\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entries 1 and 2 both name task sudoku-4x4 with its default training level, which "
            + "would run their cells twice (a task named again needs another training level)");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    train: b6\n  - id: sudoku-6x6\n"
        + "  - id: sudoku-4x4\n    train: b6\n    evalSize: 10\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entries 1 and 3 both name task sudoku-4x4 trained on b6, which would run their "
            + "cells twice (a task named again needs another training level)");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    eval: [b6, b8, b6]\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entry sudoku-4x4 evaluates level b6 twice");
    Path file = directory.resolve("levels.yaml");
    Files.writeString(file, "name: s\ntasks:\n  - id: sudoku-4x4\n    train: b4\n  - id: sudoku-4x4\n"
        + "    train: b6\nmodels:\n  - id: oracle\n");
    assertEquals(2, loader.load(file.toString()).tasks().size());
  }

  @Test
  void entriesWithoutAnIdAreRefused() throws IOException {
    assertRefused("name: s\ntasks:\n  - train: b6\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entry 1 has no id");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\nmodels:\n  - id: oracle\n  -\n",
        "is not a valid suite: model entry 2 has no id");
  }

  @Test
  void aValueOfTheWrongTypeIsNamedWithItsField() throws IOException {
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    evalSize: many\nmodels:\n  - id: oracle\n",
        "is not a valid suite: at tasks[0].evalSize, expected a whole number, found 'many' (line 4)");
    assertRefused("name: s\nseeds: {first: 1}\n" + TASK_AND_MODEL,
        "is not a valid suite: at seeds, expected a list, e.g. [1, 2], found another kind (line 2)");
  }

  /** YAML a person mistyped: the line, and what is wrong in words, not the parser's internals. */
  @Test
  void malformedYamlIsNamedWithItsLine() throws IOException {
    assertRefused("name: s\nseeds: [1\n" + TASK_AND_MODEL,
        "is not a valid suite: at seeds[0], expected a whole number, found '1 tasks' (line 2)");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n   - id: sudoku-6x6\n", "is not a valid suite: it is "
        + "not well-formed YAML: while parsing a block collection: expected <block end>, but found '<block sequence start>' (line 4)");
    assertRefused("", "is not a valid suite: it is empty or not a mapping of fields (line 1)");
  }

  /** Numbers a machine cannot plan or a cell cannot hold are refused before anything runs. */
  @Test
  void numbersOutOfRangeAreRefusedNamingTheFieldAndTheBound() throws IOException {
    assertRefused("name: s\ncellTimeLimitMinutes: 1.0e9\n" + TASK_AND_MODEL, "is not a valid suite: "
        + "cellTimeLimitMinutes must be a number of minutes above 0 and at most 10080 (a week), not 1000000000");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    evalSize: 2000000000\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entry sudoku-4x4 has evalSize 2000000000; it must be from 1 to 10000000");
    assertRefused("name: s\nseeds: [" + "1, ".repeat(0) + java.util.stream.IntStream.rangeClosed(1, 1001)
        .mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(", ")) + "]\n" + TASK_AND_MODEL,
        "is not a valid suite: it lists 1001 seeds; a suite runs at most 1000");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    trainSize: 99999999999\nmodels:\n  - id: oracle\n",
        "is not a valid suite: the number 99999999999 is out of range of a whole number (at most 2147483647, or "
        + "9223372036854775807 for a seed) (line 4)");
  }

  @Test
  void aFractionInAWholeNumbersFieldAndAKeySetTwiceAreRefused() throws IOException {
    assertRefused("name: s\nseeds: [2.5]\n" + TASK_AND_MODEL,
        "is not a valid suite: at seeds[0], expected a whole number, found '2.5' (line 2)");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    trainSize: 1.5\nmodels:\n  - id: oracle\n",
        "is not a valid suite: at tasks[0].trainSize, expected a whole number, found '1.5' (line 4)");
    assertRefused("name: s\nseeds: [1]\nseeds: [2]\n" + TASK_AND_MODEL,
        "is not a valid suite: it sets 'seeds' twice; a field is set once (line 3)");
  }

  @Test
  void anEmptyItemIsNamedWithItsList() throws IOException {
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\n    eval: [b6, null]\nmodels:\n  - id: oracle\n",
        "is not a valid suite: task entry sudoku-4x4 has eval [b6, null], which holds an empty item");
    assertRefused("name: s\ntasks:\n  - id: sudoku-4x4\nmodels:\n  - {id: oracle, tasks: [null]}\n",
        "is not a valid suite: model entry oracle has tasks [null], which holds an empty item");
  }

  @Test
  void aFileThatIsNotASuiteSizedUtf8TextIsOneSentence() throws IOException {
    Path large = Files.write(directory.resolve("large.yaml"), new byte[SuiteLoader.LARGEST_FILE_BYTES + 1]);
    Path binary = Files.write(directory.resolve("binary.yaml"), new byte[] {'n', 'a', 0, 1, 2});
    Path latin = Files.write(directory.resolve("latin.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertEquals(large + " is not a valid suite: it is 1048577 bytes; a suite file is at most 1048576 bytes of YAML",
        assertThrows(UsageException.class, () -> loader.load(large.toString())).getMessage());
    assertEquals(binary + " is not a valid suite: it holds a NUL byte at byte 3; a suite file is YAML text",
        assertThrows(UsageException.class, () -> loader.load(binary.toString())).getMessage());
    assertEquals(latin + " is not a valid suite: it is not UTF-8 text; save it as UTF-8",
        assertThrows(UsageException.class, () -> loader.load(latin.toString())).getMessage());
  }

  @Test
  void everyBuiltInSuiteIsValid() {
    for (String name : SuiteLoader.BUILT_IN) {
      SuiteLoader.requireValid(loader.load(name), name);
    }
  }

  private static final String TASK_AND_MODEL = "tasks:\n  - id: sudoku-4x4\nmodels:\n  - id: oracle\n";

  private void assertRefused(String yaml, String expectedAfterOrigin) throws IOException {
    Path file = Files.writeString(Files.createTempFile(directory, "suite", ".yaml"), yaml);
    UsageException error = assertThrows(UsageException.class, () -> loader.load(file.toString()), yaml);
    assertEquals(file + " " + expectedAfterOrigin, error.getMessage());
  }
}
