package dev.reckon.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malformed table or manifest of a run directory (a baseline above all) is one sentence naming
 * the file, the line and the column: never a CSV library's or a number parser's message alone.
 */
class TableReaderTest {
  @TempDir Path work;

  @Test
  void aTruncatedLastLineIsNamedAsAWriteCutShort() throws IOException {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work);
    Path results = baseline.resolve("results.csv");
    String text = Files.readString(results);
    int lines = (int) text.lines().count();
    Files.writeString(results, text.substring(0, text.length() - 60));
    assertEquals(results + " line " + lines + " has 7 values where the header has 12 columns: the file ends inside "
        + "it, a write cut short", error(baseline));
  }

  @Test
  void aLineWithTooFewOrTooManyValuesIsNamed() throws IOException {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work);
    Path results = baseline.resolve("results.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(results));
    lines.set(2, "rrn,sudoku-4x4,b6");
    Files.write(results, lines);
    assertEquals(results + " line 3 has 3 values where the header has 12 columns: a line cut short or with values "
        + "added", error(baseline));

    lines.set(2, lines.get(3) + ",7");
    Files.write(results, lines);
    assertEquals(results + " line 3 has 13 values where the header has 12 columns: a line cut short or with values "
        + "added", error(baseline));
  }

  @Test
  void aValueThatIsNoNumberIsNamedWithItsColumn() throws IOException {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work);
    Path results = baseline.resolve("results.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(results));
    lines.set(5, lines.get(5).replace(",0.88,", ",abc,"));
    Files.write(results, lines);
    assertEquals(results + " line 6 column 'value' (9): 'abc' is not a number", error(baseline));

    lines = new ArrayList<>(Files.readAllLines(results));
    lines.set(5, lines.get(5).replace(",abc,", ",0.88,").replace(",2,cell_accuracy,", ",2.5,cell_accuracy,"));
    Files.write(results, lines);
    assertEquals(results + " line 6 column 'iterations' (6): '2.5' is not a whole number", error(baseline));
  }

  @Test
  void randomBytesAreNamedAsNotUtf8WithTheLine() throws IOException {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work);
    Path results = baseline.resolve("results.csv");
    byte[] bytes = new byte[4096];
    new Random(7).nextBytes(bytes);
    Files.write(results, bytes);
    String message = error(baseline);
    assertTrue(message.matches("\\Q" + results + "\\E line \\d+ is not UTF-8 text \\(byte 0x[0-9A-F]{2} at byte \\d+ "
        + "of the line\\): not a table Reckon wrote"), message);
  }

  @Test
  void textThatIsNoResultsTableIsNamedByItsHeader() throws IOException {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work);
    Path results = baseline.resolve("results.csv");
    Files.writeString(results, "hello world\nthis is not a table\n");
    assertEquals(results + " line 1 is not the header of a table Reckon wrote: it lacks the columns model, task, "
        + "train_level, eval_level, eval_difficulty, iterations, metric, seed, value, n, ci_low, ci_high; it should "
        + "name model, task, train_level, eval_level, eval_difficulty, iterations, metric, seed, value, n, ci_low, "
        + "ci_high", error(baseline));

    Files.writeString(results, "model,task,\"train_level\n");
    String message = error(baseline);
    assertTrue(message.startsWith(results + " line 1 is not CSV as Reckon writes it: "), message);
  }

  @Test
  void cellsAndTrainingTablesAreReadAsStrictly() throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Path cells = run.resolve("cells.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(cells));
    lines.set(1, lines.get(1).replace("rrn,sudoku-4x4,b6,1,", "rrn,sudoku-4x4,b6,one,"));
    Files.write(cells, lines);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RunResults.read(run));
    assertEquals(cells + " line 2 column 'seed' (4): 'one' is not a whole number", error.getMessage());

    Files.write(cells, List.of(lines.get(0)));
    Path training = run.resolve("training.csv");
    Files.writeString(training, "model,task\nrrn,sudoku-4x4\n");
    error = assertThrows(IllegalArgumentException.class, () -> RunResults.read(run));
    assertTrue(error.getMessage().startsWith(training + " line 1 is not the header of a table Reckon wrote: it lacks "
        + "the columns train_level, seed, update, metric, value, wall_seconds"), error.getMessage());
  }

  @Test
  void aMalformedManifestIsNamedWithItsLine() throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Path manifest = run.resolve("manifest.json");
    Files.writeString(manifest, "{\n  \"runId\": \"x\",\n  oops\n}\n");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RunResults.read(run));
    assertTrue(error.getMessage().startsWith(manifest + " line 3 column "), error.getMessage());
    assertTrue(error.getMessage().contains("is not JSON as Reckon writes it: "), error.getMessage());

    Files.writeString(manifest, "[1, 2]");
    error = assertThrows(IllegalArgumentException.class, () -> RunResults.read(run));
    assertEquals(manifest + " is not a manifest Reckon wrote: it holds no JSON object", error.getMessage());
  }

  @Test
  void aByteOrderMarkAndCrLfLineEndsAreRead() throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Path results = run.resolve("results.csv");
    int rows = RunResults.read(run).results().size();
    byte[] text = Files.readString(results).replace("\r\n", "\n").replace("\n", "\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Files.write(results, withBom);
    assertEquals(rows, RunResults.readBaseline(run).results().size());
  }

  @Test
  void aResultChangedWithoutItsOutcomesIsNamedWithBothNumbers() {
    BitSet solved = new BitSet();
    solved.set(0, 8);
    Path run = new Fixtures.RunBuilder("edited").examples(10)
        .outcomes("rrn", "sudoku-6x6", "b16", "b20", 8, "puzzle_accuracy", solved).write(work);
    Fixtures.rewriteResults(run, row -> {
      row.put("value", "0.80000000001");
      return row;
    });
    assertEquals(1, RunResults.read(run).outcomes().size(), "a value within rounding of its outcomes agrees");

    Fixtures.rewriteResults(run, row -> {
      row.put("value", "0.5");
      return row;
    });
    assertEquals(run.resolve("outcomes.csv") + " line 2 column 'outcomes' (9): rrn on sudoku-6x6 (train b16, eval b20, "
        + "8 iterations, seed 1): puzzle_accuracy counts 8 of 10 examples, 0.8, but results.csv holds 0.5; one of the "
        + "two files was changed without the other", error(run));
  }

  private static String error(Path baseline) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> RunResults.readBaseline(baseline));
    return error.getMessage();
  }
}
