package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures measured in issue 13, through the command line: a suite that would run cells twice
 * or fail every cell, a suite name or {@code --out} that is no place for a run, a puzzle file with a
 * byte order mark, another encoding or no file at all, and a check that passed broken runs and
 * broken baselines. Each usage error exits 2 with one sentence and creates nothing.
 */
class SuitesAndCheckTest {
  private static final String PUZZLE = "4.1..2.4..433..1"; // 4x4, one solution

  @TempDir static Path work;

  /** Suite files refused before anything runs. */
  @Nested
  class Suites {
    @Test
    void aSeedListedTwice() throws IOException {
      assertRefused("name: twice\nseeds: [1, 1]\n" + TASK_AND_MODELS,
          "is not a valid suite: seeds [1, 1] lists 1 twice, which would run every cell of that seed twice");
    }

    @Test
    void theSameTaskEntryTwice() throws IOException {
      assertRefused("name: twice\ntasks:\n  - id: sudoku-4x4\n    evalSize: 20\n  - id: sudoku-4x4\n    evalSize: 20\n"
              + "models:\n  - id: oracle\n",
          "is not a valid suite: task entries 1 and 2 both name task sudoku-4x4 with its default training level, "
              + "which would run their cells twice (a task named again needs another training level)");
    }

    @Test
    void theSameModelTwice() throws IOException {
      assertRefused("name: twice\ntasks:\n  - id: sudoku-4x4\n    evalSize: 20\nmodels:\n  - id: oracle\n"
              + "  - id: oracle\n",
          "is not a valid suite: it lists model oracle twice, which would run its cells twice (entries of one model "
              + "need tasks lists without a task in common; a setting of one model on one task goes in its entry's "
              + "configOn)");
    }

    @Test
    void dataSizesThatAreNotPositive() throws IOException {
      for (String size : List.of("evalSize: -5", "evalSize: 0", "trainSize: -1")) {
        String[] field = size.split(": ");
        assertRefused("name: sizes\ntasks:\n  - id: sudoku-4x4\n    " + size + "\nmodels:\n  - id: oracle\n",
            "is not a valid suite: task entry sudoku-4x4 has " + field[0] + " " + field[1] + "; it must be from 1 to 10000000");
      }
    }

    @Test
    void aCellTimeLimitThatIsNotPositive() throws IOException {
      assertRefused("name: limit\ncellTimeLimitMinutes: -1\n" + TASK_AND_MODELS,
          "is not a valid suite: cellTimeLimitMinutes must be a number of minutes above 0 and at most 10080 (a week), "
              + "not -1");
    }

    @Test
    void aNameThatIsNoSafeName() throws IOException {
      assertRefused("name: a/b\n" + TASK_AND_MODELS, "is not a valid suite: its name 'a/b' is not a safe name (1 to "
          + "64 letters, digits, '.', '_' or '-', starting with a letter or digit, without '..'); it names the run "
          + "directory");
    }

    /** Needs RunPlanner.narrow to refuse ids no plugin provides (see the report of issue 13). */
    @Test
    void anUnknownModelInASuiteFileIsAUsageErrorAsOnTheCommandLine() throws IOException {
      Path out = work.resolve("unknown-out");
      Cli.Outcome outcome = Cli.reckon("run", "--suite", suite("name: unknown\ntasks:\n  - id: sudoku-4x4\n"
          + "    evalSize: 20\nmodels:\n  - id: oracle\n  - id: no-such-model\n").toString(), "--out", out.toString());
      assertUsage(outcome, "suite unknown names model 'no-such-model', which no loaded plugin provides; the "
          + "discovered models are ");
      assertFalse(Files.exists(out), "nothing is created");
    }

    /** Needs RunCommand to check --out before it plans (see the report of issue 13). */
    @Test
    void anOutThatIsAFile() throws IOException {
      Path file = Files.writeString(work.resolve("out-is-a-file"), "not a directory\n");
      Cli.Outcome outcome = Cli.reckon("run", "--suite", suite("name: out\n" + TASK_AND_MODELS).toString(), "--out",
          file.toString());
      assertUsage(outcome, "--out " + file + " is a file, not a directory");
      assertEquals("not a directory\n", Files.readString(file));
    }

    private void assertRefused(String yaml, String sentence) throws IOException {
      Path suite = suite(yaml);
      Path out = work.resolve("out-" + suite.getFileName());
      Cli.Outcome outcome = Cli.reckon("run", "--suite", suite.toString(), "--out", out.toString());
      assertUsage(outcome, suite + " " + sentence);
      assertFalse(Files.exists(out), () -> "nothing is created: " + out);
    }
  }

  /** Puzzle files in other encodings, with a byte order mark, or missing. */
  @Nested
  class PuzzleFiles {
    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
      Path puzzles = work.resolve("bom.txt");
      Files.write(puzzles, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          (PUZZLE + "\r\n" + PUZZLE + "\r\n").getBytes(StandardCharsets.UTF_8)));
      Path out = work.resolve("bom-runs");
      Cli.Outcome outcome = Cli.reckon("run", "--suite", puzzleSuite("bom", puzzles).toString(), "--out",
          out.toString());
      assertEquals(0, outcome.status(), outcome::toString);
      List<Map<String, String>> results = RunFiles.csv(RunFiles.onlyRun(out).resolve("results.csv"));
      assertEquals(1.0, RunFiles.value(results, "oracle", "sudoku-4x4", "file:" + puzzles, "puzzle_accuracy", 1));
    }

    @Test
    void aLatin1LineIsNamedWithItsNumber() throws IOException {
      Path puzzles = work.resolve("latin1.txt");
      Files.write(puzzles, concat((PUZZLE + "\n").getBytes(StandardCharsets.UTF_8),
          "# r\u00e9sum\u00e9 of the set\n".getBytes(StandardCharsets.ISO_8859_1)));
      Path out = work.resolve("latin1-runs");
      Cli.Outcome outcome = Cli.reckon("run", "--suite", puzzleSuite("latin1", puzzles).toString(), "--out",
          out.toString());
      assertUsage(outcome, puzzles + " line 2: the line is not UTF-8 text (byte 0xE9 at byte 4 of the line); save the "
          + "file as UTF-8");
      assertFalse(Files.exists(out));
    }

    @Test
    void aMissingFileIsOneSentence() throws IOException {
      Path puzzles = work.resolve("no-such-puzzles.txt");
      Cli.Outcome outcome = Cli.reckon("run", "--suite", puzzleSuite("missing", puzzles).toString(), "--out",
          work.resolve("missing-runs").toString());
      assertUsage(outcome, "puzzle file " + puzzles + " does not exist");
    }

    private Path puzzleSuite(String name, Path puzzles) throws IOException {
      return suite("name: " + name + "\ntasks:\n  - id: sudoku-4x4\n    train: file:" + puzzles + "\n"
          + "    eval: [file:" + puzzles + "]\n    evalSize: 20\nmodels:\n  - id: oracle\n");
    }
  }

  /** reckon check on a real run of a tiny suite, its copies made broken, and broken baselines. */
  @Nested
  class Check {
    @Test
    void aRunPassesAgainstItselfNamingTheCellsChecked() {
      Cli.Outcome outcome = Cli.reckon("check", run.toString(), "--baseline", run.toString());
      assertEquals(0, outcome.status(), outcome::toString);
      assertTrue(outcome.out().strip().startsWith("check passed: ") && outcome.out().contains(" numbers and 2 cells of ")
          && outcome.out().strip().endsWith(", 0 failed"), outcome::toString);
    }

    @Test
    void nanValuesFailTheCheckNamingEachOne() throws IOException {
      Path broken = copy(run, "nan");
      int rows = rewriteResults(broken, row -> {
        if (row.get("model").equals("uniform")) {
          row.put("value", "NaN");
        }
        return row;
      });
      long uniform = RunFiles.csv(broken.resolve("results.csv")).stream()
          .filter(row -> row.get("model").equals("uniform")).count();
      assertTrue(uniform > 0 && uniform < rows);
      Cli.Outcome outcome = Cli.reckon("check", broken.toString(), "--baseline", run.toString());
      assertEquals(1, outcome.status(), outcome::toString);
      long named = outcome.out().lines().filter(line -> line.startsWith("FAIL uniform on sudoku-4x4 (train b4, eval ")
          && line.contains(" is not a finite number in this run (seed 1: NaN ")).count();
      assertEquals(uniform, named, outcome::toString);
      assertTrue(outcome.out().lines().anyMatch(line -> line.matches("FAIL uniform on sudoku-4x4 \\(train b4, eval "
          + "b4, 1 iteration\\): puzzle_accuracy is not a finite number in this run \\(seed 1: NaN \\[.*")),
          outcome::toString);
      assertTrue(outcome.out().strip().endsWith(", " + uniform + " failed"), outcome::toString);
    }

    @Test
    void aCellFailedInTheRunFailsTheCheckWithALineSayingWhich() throws IOException {
      Path broken = copy(run, "failed-cell");
      rewriteResults(broken, row -> row.get("model").equals("uniform") ? null : row);
      Path cells = broken.resolve("cells.csv");
      rewrite(cells, row -> {
        if (row.get("model").equals("uniform")) {
          row.put("status", "failed");
          row.put("reason", "killed by the test");
        }
        return row;
      });
      Cli.Outcome outcome = Cli.reckon("check", broken.toString(), "--baseline", run.toString());
      assertEquals(1, outcome.status(), outcome::toString);
      assertTrue(outcome.out().contains("FAIL cell uniform on sudoku-4x4 (train b4, seed 1) was done in the baseline "
          + "and failed in this run: killed by the test\n"), outcome::toString);
    }

    @Test
    void anEmptyBaselineIsAUsageError() throws IOException {
      Path baseline = baseline("empty", new byte[0]);
      assertUsage(check(baseline), "the baseline " + baseline + " holds no numbers: " + baseline.resolve("results.csv")
          + " is empty");
    }

    @Test
    void aHeaderOnlyBaselineIsAUsageError() throws IOException {
      String header = Files.readAllLines(run.resolve("results.csv")).get(0) + "\n";
      Path baseline = baseline("header-only", header.getBytes(StandardCharsets.UTF_8));
      assertUsage(check(baseline), "the baseline " + baseline + " holds no numbers: " + baseline.resolve("results.csv")
          + " has a header and no rows");
    }

    @Test
    void aTruncatedBaselineNamesTheFileAndLine() throws IOException {
      String text = Files.readString(run.resolve("results.csv"));
      int lines = (int) text.lines().count();
      String cut = text.substring(0, text.stripTrailing().lastIndexOf(',', text.stripTrailing().length() - 1)
          - 1);
      Path baseline = baseline("truncated", cut.getBytes(StandardCharsets.UTF_8));
      Cli.Outcome outcome = check(baseline);
      assertUsage(outcome, baseline.resolve("results.csv") + " line " + lines + " has ");
      assertUsage(outcome, " values where the header has 12 columns: the file ends inside it, a write cut short");
    }

    @Test
    void aGarbageValueNamesTheFileLineAndColumn() throws IOException {
      List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("results.csv")));
      String[] values = lines.get(2).split(",", -1);
      values[8] = "abc";
      lines.set(2, String.join(",", values));
      Path baseline = baseline("garbage", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      assertUsage(check(baseline), baseline.resolve("results.csv") + " line 3 column 'value' (9): 'abc' is not a "
          + "number");
    }

    @Test
    void randomBytesNameTheFileAndLine() throws IOException {
      byte[] bytes = new byte[2048];
      new Random(13).nextBytes(bytes);
      Path baseline = baseline("random", bytes);
      Cli.Outcome outcome = check(baseline);
      assertUsage(outcome, baseline.resolve("results.csv") + " line ");
      assertUsage(outcome, " is not UTF-8 text (byte 0x");
      assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aBaselineOfAnotherSuiteIsAUsageError() throws IOException {
      Path other = copy(run, "other-suite");
      Path manifest = other.resolve("manifest.json");
      Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"name\"\\s*:\\s*\"tiny-check\"",
          "\"name\": \"quick\""));
      assertUsage(Cli.reckon("check", run.toString(), "--baseline", other.toString()), "the baseline " + other
          + " is a run of suite 'quick' and " + run + " a run of suite 'tiny-check': a run is checked against a "
          + "baseline of its own suite");
    }

    private Cli.Outcome check(Path baseline) {
      return Cli.reckon("check", run.toString(), "--baseline", baseline.toString());
    }

    /** A baseline directory holding results.csv with these bytes, and the run's manifest. */
    private Path baseline(String name, byte[] results) throws IOException {
      Path baseline = Files.createDirectories(work.resolve("baselines").resolve(name));
      Files.write(baseline.resolve("results.csv"), results);
      Files.copy(run.resolve("manifest.json"), baseline.resolve("manifest.json"));
      return baseline;
    }
  }

  static Path run;

  @BeforeAll
  static void runTinySuite() throws IOException {
    Path suite = Files.writeString(work.resolve("tiny-check.yaml"), """
        name: tiny-check
        tasks:
          - id: sudoku-4x4
            trainSize: 20
            evalSize: 20
        models:
          - id: oracle
          - id: uniform
        """);
    Path out = work.resolve("tiny-runs");
    Cli.Outcome outcome = Cli.reckon("run", "--suite", suite.toString(), "--out", out.toString());
    assertEquals(0, outcome.status(), outcome::toString);
    run = RunFiles.onlyRun(out);
  }

  private static final String TASK_AND_MODELS = "tasks:\n  - id: sudoku-4x4\n    evalSize: 20\nmodels:\n"
      + "  - id: oracle\n  - id: uniform\n";

  private static int suites;

  private static Path suite(String yaml) throws IOException {
    return Files.writeString(work.resolve("suite-" + (++suites) + ".yaml"), yaml);
  }

  private static void assertUsage(Cli.Outcome outcome, String sentence) {
    assertEquals(2, outcome.status(), outcome::toString);
    assertTrue(outcome.err().contains(sentence), () -> "expected '" + sentence + "' in\n" + outcome);
    assertEquals(1, outcome.err().strip().lines().count(), () -> "one sentence:\n" + outcome);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** A copy of the run's files, free to be broken. */
  private static Path copy(Path source, String name) throws IOException {
    Path copy = Files.createDirectories(work.resolve("copies").resolve(name).resolve(source.getFileName()));
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  private static int rewriteResults(Path run, UnaryOperator<Map<String, String>> change) throws IOException {
    return rewrite(run.resolve("results.csv"), change);
  }

  /** Rewrites every row of a CSV table through {@code change}; null drops the row. Returns the rows read. */
  private static int rewrite(Path file, UnaryOperator<Map<String, String>> change) throws IOException {
    List<String> header;
    List<List<String>> rows = new ArrayList<>();
    int read = 0;
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        read++;
        Map<String, String> row = change.apply(new java.util.LinkedHashMap<>(record.toMap()));
        if (row != null) {
          rows.add(header.stream().map(row::get).toList());
        }
      }
    }
    try (Writer writer = Files.newBufferedWriter(file);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      printer.printRecords(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return read;
  }
}
