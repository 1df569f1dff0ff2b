package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell's output log keeps its head and its tail, and says where and how much it cut. */
class CellOutputLogTest {
  @TempDir Path folder;

  @Test
  void outputUnderTheCapIsKeptWhole() throws IOException {
    Path file = folder.resolve("cell.log");
    try (CellOutputLog log = new CellOutputLog(file, 1024)) {
      byte[] text = "hello\n".getBytes(StandardCharsets.UTF_8);
      log.write(text, 0, text.length);
      log.writeLine("world".getBytes(StandardCharsets.UTF_8), 5);
      assertFalse(log.cut());
    }
    assertEquals("hello\nworld\n", Files.readString(file));
  }

  @Test
  void aFloodKeepsTheFirstQuarterAndTheLastThreeQuartersAndSaysTheCut() throws IOException {
    Path file = folder.resolve("cell.log");
    Files.writeString(file, "== earlier attempt\n");
    StringBuilder all = new StringBuilder();
    try (CellOutputLog log = new CellOutputLog(file, 1024)) {
      for (int i = 0; i < 10_000; i++) {
        byte[] line = ("line " + i + "\n").getBytes(StandardCharsets.UTF_8);
        all.append("line ").append(i).append('\n');
        log.write(line, 0, line.length);
      }
      assertTrue(log.cut());
    }
    String kept = Files.readString(file);
    String written = all.toString();
    assertTrue(kept.startsWith("== earlier attempt\n" + written.substring(0, 256)), "the head is kept");
    assertTrue(kept.endsWith(written.substring(written.length() - 768)), "the tail is kept");
    int cut = written.length() - 1024;
    assertTrue(kept.contains("== reckon: " + cut + " bytes of this cell's output were cut here: its log keeps the "
        + "first 256 bytes and the last 768 bytes (a cap of 1 KiB a cell)"), kept);
    assertTrue(Files.size(file) < 19 + 1024 + 200, "the log stays within its cap");
  }
}
