package dev.reckon.tasks.sudoku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.LabelingDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
