package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails under a run (a full disk) stops it in one sentence naming the file and the
 * reason, exit status 1, no stack trace on the terminal; the run directory resumes once the cause
 * is gone, to the results of a run that never stopped. A run stopped before its manifest leaves no
 * directory behind, and the resume of one a kill left says there is nothing to resume. The full
 * disks are small tmpfs mounts, which need root: those tests are skipped without it (CI is root).
 */
class WriteFailuresTest {
  private static final String SUITE = """
      name: writes
      tasks:
        - id: sudoku-4x4
          train: b6
          trainSize: 20
          evalSize: 20
      models:
        - id: oracle
        - id: uniform
      """;

  @TempDir Path work;
  private final List<Path> mounted = new ArrayList<>();

  @AfterEach
  void unmount() throws IOException, InterruptedException {
    for (Path disk : mounted) {
      // lazily: a cell's process of a stopped run may still hold a file there
      new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void aDiskFullMidRunStopsItInOneSentenceAndTheRunResumesToEveryResult() throws Exception {
    Path suite = Files.writeString(work.resolve("writes.yaml"), SUITE);
    Cli.Outcome reference = Cli.reckon("run", "--suite", suite.toString(), "--out",
        work.resolve("reference").toString(), "--jobs", "1");
    assertEquals(0, reference.status(), reference::toString);
    Path disk = tmpfs("1m");
    Path run = disk.resolve("runs").resolve("full");
    Thread filler = new Thread(() -> fillOnceThere(run.resolve("manifest.json"), disk.resolve("filler")));
    filler.start();

    Cli.Outcome stopped = Cli.reckon("run", "--suite", suite.toString(), "--out", disk.resolve("runs").toString(),
        "--run-id", "full", "--jobs", "1");
    filler.join();

    assertEquals(1, stopped.status(), stopped::toString);
    String sentence = oneSentence(stopped);
    assertTrue(sentence.startsWith("reckon: cannot append to " + run.resolve("results.csv")
        + ": No space left on device; the cells finished so far are kept, and reckon run --resume " + run), sentence);
    Files.delete(disk.resolve("filler"));
    Cli.Outcome resumed = Cli.reckon("run", "--resume", run.toString());
    assertEquals(0, resumed.status(), resumed::toString);
    assertEquals(Files.readString(RunFiles.onlyRun(work.resolve("reference")).resolve("results.csv")),
        Files.readString(run.resolve("results.csv")), "resumed, the run has the results of one never stopped");
  }

  @Test
  void aStartThatCannotWriteRunsNoCellAndLeavesNoDirectory() throws Exception {
    Path suite = Files.writeString(work.resolve("writes.yaml"), SUITE);
    Path disk = tmpfs("16k");

    Cli.Outcome stopped = Cli.reckon("run", "--suite", suite.toString(), "--out", disk.resolve("runs").toString(),
        "--run-id", "small");

    assertEquals(1, stopped.status(), stopped::toString);
    String sentence = oneSentence(stopped);
    assertTrue(sentence.contains(": No space left on device; no cell had run, so " + disk.resolve("runs/small")
        + " was removed: start the run again once the cause is fixed"), sentence);
    try (Stream<Path> left = Files.list(disk.resolve("runs"))) {
      assertEquals(List.of(), left.toList(), "no directory that no resume could open");
    }
  }

  /** Without root: a report that cannot be written, its folder's name taken by a file. */
  @Test
  void aReportThatCannotBeWrittenStopsTheRunWithItsTraceInErrorsLogAndAResumeFinishesIt() throws IOException {
    Path suite = Files.writeString(work.resolve("writes.yaml"), SUITE);
    Cli.Outcome first = Cli.reckon("run", "--suite", suite.toString(), "--out", work.resolve("runs").toString());
    assertEquals(0, first.status(), first::toString);
    Path run = RunFiles.onlyRun(work.resolve("runs"));
    delete(run.resolve("report"));
    Files.writeString(run.resolve("report"), "a file where the report's folder goes\n");

    Cli.Outcome stopped = Cli.reckon("run", "--resume", run.toString());

    assertEquals(1, stopped.status(), stopped::toString);
    assertEquals("reckon: cannot write the report into " + run.resolve("report") + ": "
        + run.resolve("report/leaderboards") + ": Not a directory; the cells finished so far are kept, and reckon run "
        + "--resume " + run + " goes on from them once the cause is fixed (its stack trace is in "
        + run.resolve("errors.log") + ")", oneSentence(stopped));
    String log = Files.readString(run.resolve("errors.log"));
    assertTrue(log.startsWith("== the run stopped") && log.contains("\tat "), log);
    Files.delete(run.resolve("report"));
    Cli.Outcome resumed = Cli.reckon("run", "--resume", run.toString());
    assertEquals(0, resumed.status(), resumed::toString);
    assertTrue(resumed.out().contains("2 kept from before"), resumed::toString);
    assertTrue(Files.exists(run.resolve("report/report.html")), resumed::toString);
  }

  /** What a kill right after the run directory was made leaves: a suite and a lock, a manifest begun. */
  @Test
  void aResumeOfADirectoryLeftAtTheStartSaysThereIsNothingToResume() throws IOException {
    Path left = Files.createDirectories(work.resolve("runs/left"));
    Files.writeString(left.resolve("suite.yaml"), SUITE);
    Files.writeString(left.resolve("run.lock"), "");
    Files.writeString(left.resolve("manifest.json.tmp"), "{\"formatVersion\":3,");

    Cli.Outcome resumed = Cli.reckon("run", "--resume", left.toString());

    assertEquals(2, resumed.status(), resumed::toString);
    assertEquals("reckon: " + left + " has a suite.yaml but no manifest.json: its run stopped as it started (killed, "
        + "or a write failed), before any cell ran, so there is nothing to resume; remove it and start the run again",
        resumed.err().strip());
  }

  /** The last line of the error stream, the only one of the failure: no stack trace before it. */
  private static String oneSentence(Cli.Outcome outcome) {
    assertTrue(!outcome.err().contains("\tat ") && !outcome.err().contains("Exception"), outcome::toString);
    List<String> lines = outcome.err().strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  /** A tmpfs of {@code size} mounted in the test's folder; the test is skipped where it cannot be. */
  private Path tmpfs(String size) throws IOException, InterruptedException {
    Path disk = Files.createDirectories(work.resolve("disk"));
    String said;
    int status;
    try {
      Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString())
          .redirectErrorStream(true).start();
      said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      status = mount.waitFor();
    } catch (IOException e) {
      said = e.getMessage();
      status = -1;
    }
    assumeTrue(status == 0, "a tmpfs cannot be mounted here (it needs root): " + said);
    mounted.add(disk);
    return disk;
  }

  /** Fills the disk of {@code filler} as soon as {@code started} exists: the run's next write finds it full. */
  private static void fillOnceThere(Path started, Path filler) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try {
      while (!Files.exists(started) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      try (OutputStream out = Files.newOutputStream(filler)) {
        byte[] block = new byte[4096];
        while (true) {
          out.write(block);
          out.flush();
        }
      } catch (IOException full) {
        // the disk is full
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
