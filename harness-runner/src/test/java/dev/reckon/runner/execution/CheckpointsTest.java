package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell's checkpoint enters the run only as plain files and folders under the caps. */
class CheckpointsTest {
  private static final CellKey KEY = new CellKey("rrn", "sudoku-4x4", "b6", 7);

  @TempDir Path folder;

  @Test
  void plainFilesAndFoldersAreCopiedIntoTheRun() throws IOException {
    Path saved = Files.createDirectories(folder.resolve("work/checkpoint/inner"));
    Files.writeString(saved.resolve("weights.txt"), "1 2 3");
    Checkpoints checkpoints = Checkpoints.of(folder.resolve("run"), null);

    assertEquals(Optional.empty(), checkpoints.collect(KEY, folder.resolve("work/checkpoint")));

    assertEquals("1 2 3", Files.readString(folder.resolve("run/checkpoints/rrn/sudoku-4x4/b6/seed-7/inner/weights.txt")));
  }

  @Test
  void aSymbolicLinkIsRefusedAndNothingEntersTheRun() throws IOException {
    Path saved = Files.createDirectories(folder.resolve("work/checkpoint"));
    Files.writeString(saved.resolve("weights.txt"), "1 2 3");
    Files.createSymbolicLink(saved.resolve("results.csv"), folder.resolve("run/results.csv"));
    Checkpoints checkpoints = Checkpoints.of(folder.resolve("run"), null);

    String refused = checkpoints.collect(KEY, saved).orElseThrow();

    assertTrue(refused.contains("'results.csv', which is not a plain file or folder"), refused);
    assertFalse(Files.exists(folder.resolve("run/checkpoints")), "nothing of it entered the run");
  }
}
