package dev.reckon.tasks.sudoku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.LabelingDataset;
import dev.reckon.api.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PuzzleFileTest {
  private static final String PUZZLE = "4.1..2.4..433..1"; // 4x4, one solution
  @TempDir Path directory;

  @Test
  void publishedPuzzlesLoadWithTheirSolutions() throws IOException {
    Path file = write("# two puzzles\n" + PUZZLE + "\n\n" + PUZZLE.replace('.', '0') + "\n");
    SudokuTask task = SudokuTask.ofSide(4);
    var level = task.level("file:" + file);
    LabelingDataset data = task.generate(level, 10, 0);
    assertEquals(2, data.size());
    assertEquals(8, level.difficulty());
    assertEquals(1.0, task.score(data, task.referenceSolver().orElseThrow().solve(data.withoutAnswers())).get(0)
        .value());
  }

  @Test
  void aMalformedLineIsNamedWithTheReason() throws IOException {
    Path file = write(PUZZLE + "\n" + PUZZLE.substring(1) + "\n");
    var error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + file));
    assertEquals(file + " line 2: expected 16 characters for a 4x4 puzzle, found 15", error.getMessage());

    Path letters = write(PUZZLE.replace('4', 'x') + "\n");
    error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + letters));
    assertTrue(error.getMessage().startsWith(letters + " line 1: character 1 is 'x'"), error.getMessage());
  }

  @Test
  void aPuzzleWithoutOneSolutionIsRefused() throws IOException {
    Path open = write("................\n");
    var error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + open));
    assertEquals(open + " line 1: the puzzle has more than one solution", error.getMessage());
    Path clash = write("11..............\n");
    error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + clash));
    assertEquals(clash + " line 1: the puzzle has no solution", error.getMessage());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(directory, "puzzles", ".txt"), text);
  }

  private Path write(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(directory, "puzzles", ".txt"), bytes);
  }

  @Test
  void aLeadingByteOrderMarkAndWindowsLineEndsAreRead() throws IOException {
    byte[] text = (PUZZLE + "\r\n" + PUZZLE + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    Path file = write(bytes);
    SudokuTask task = SudokuTask.ofSide(4);
    Level level = task.level("file:" + file);
    assertEquals("2 published puzzles from " + file, level.description());
    assertEquals(2, task.generate(level, 10, 0).size());
  }

  @Test
  void aLineThatIsNotUtf8IsNamedWithItsNumber() throws IOException {
    // "# é" in Latin-1: a comment, but not UTF-8 text.
    Path file = write(concat((PUZZLE + "\n").getBytes(StandardCharsets.UTF_8),
        "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
    var error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + file));
    assertEquals(file + " line 2: the line is not UTF-8 text (byte 0xE9 at byte 6 of the line); save the file as "
        + "UTF-8", error.getMessage());
  }

  @Test
  void aMissingFileOrADirectoryIsOneSentence() {
    Path missing = directory.resolve("nowhere.txt");
    var error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + missing));
    assertEquals("puzzle file " + missing + " does not exist", error.getMessage());
    error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + directory));
    assertEquals("puzzle file " + directory + " is a directory, not a file", error.getMessage());
  }

  @Test
  void anEmptyFileOrOneOfCommentsHoldsNoPuzzle() throws IOException {
    for (String text : new String[] {"", "\n\n", "# nothing here\n   \n"}) {
      Path file = write(text);
      var error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + file));
      assertEquals("puzzle file " + file + " holds no puzzle", error.getMessage());
    }
  }

  @Test
  void anOverlongLineIsRefusedWithoutBeingKeptAndAnOverlongCommentSkipped() throws IOException {
    Path file = write("#" + "x".repeat(100_000) + "\n" + PUZZLE + "\n" + "1".repeat(50_000) + "\n");
    var error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + file));
    assertEquals(file + " line 3: the line is longer than " + PuzzleFile.LONGEST_LINE + " bytes; expected 16 "
        + "characters for a 4x4 puzzle", error.getMessage());
    assertEquals(1, PuzzleFile.read(file, SudokuShape.ofSide(4), 1).size());
  }

  @Test
  void aFileWithoutLineEndsIsRefusedAtItsFirstLineNotReadForEver() {
    Path zeros = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.isReadable(zeros), "no /dev/zero here");

    var error = assertThrows(IllegalArgumentException.class, () -> SudokuTask.ofSide(4).level("file:" + zeros));

    assertEquals(zeros + " line 1: the line is longer than " + PuzzleFile.LONGEST_LINE + " bytes; expected 16 "
        + "characters for a 4x4 puzzle", error.getMessage());
  }

  @Test
  void aCommentWithoutEndIsRefusedOnceItPassesAMebibyte() throws IOException {
    Path file = write("#" + "x".repeat((int) PuzzleFile.LONGEST_COMMENT) + "\n" + PUZZLE + "\n");

    var error = assertThrows(IllegalArgumentException.class, () -> PuzzleFile.read(file, SudokuShape.ofSide(4), 1));

    assertTrue(error.getMessage().startsWith(file + " line 1: the line is longer than"), error.getMessage());
  }

  @Test
  void onlyThePuzzlesAskedForAreReadAndTheRestOfTheFileIsNot() throws IOException {
    // 60 puzzles, then a malformed line and bytes that are not UTF-8, then 10^5 more lines.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      text.append(PUZZLE).append('\n');
    }
    text.append("not a puzzle\n");
    byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = (PUZZLE + "\n").repeat(100_000).getBytes(StandardCharsets.UTF_8);
    Path file = write(concat(concat(head, latin1), tail));

    SudokuTask task = SudokuTask.ofSide(4);
    LabelingDataset data = task.generate(new Level("file:" + file, 8, "published"), 50, 0);
    assertEquals(50, data.size(), "the first 50 puzzles; line 61 is never read");
    assertEquals(60, PuzzleFile.read(file, SudokuShape.ofSide(4), 60).size());
    var error = assertThrows(IllegalArgumentException.class, () -> PuzzleFile.read(file, SudokuShape.ofSide(4), 61));
    assertEquals(file + " line 61: expected 16 characters for a 4x4 puzzle, found 12", error.getMessage());
  }

  @Test
  void aLargeFileIsDescribedFromItsFirstPuzzles() throws IOException {
    Path file = write((PUZZLE + "\n").repeat(SudokuTask.FILE_SAMPLE + 500) + "garbage\n");
    Level level = SudokuTask.ofSide(4).level("file:" + file);
    assertEquals("more than " + SudokuTask.FILE_SAMPLE + " published puzzles from " + file + "; 8.0 blanks on "
        + "average over the first " + SudokuTask.FILE_SAMPLE, level.description());
    assertEquals(8, level.difficulty());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}

