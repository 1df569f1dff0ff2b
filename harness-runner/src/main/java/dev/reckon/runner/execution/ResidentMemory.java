package dev.reckon.runner.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The process's resident set ({@code VmRSS} of Linux's {@code /proc/self/status}), sampled by a
 * daemon thread while a cell trains: the peak above the level at the start is what the training
 * added, engine and JVM together. It undercounts when the allocator reuses memory an earlier cell
 * freed but kept; where there is no {@code /proc}, there is no figure.
 */
final class ResidentMemory implements AutoCloseable {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final long SAMPLE_MILLIS = 50;

  private final long start;
  private final Thread sampler;
  private volatile long peak;

  ResidentMemory() {
    this.start = residentKilobytes();
    this.peak = start;
    this.sampler = new Thread(this::sample, "resident-memory");
    sampler.setDaemon(true);
    if (start > 0) {
      sampler.start();
    }
  }

  /** Megabytes of the peak above the start so far; empty where the resident set cannot be read. */
  OptionalDouble peakGrowthMegabytes() {
    if (start <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.max(0, Math.max(peak, residentKilobytes()) - start) / 1e3);
  }

  @Override
  public void close() {
    sampler.interrupt();
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      peak = Math.max(peak, residentKilobytes());
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** VmRSS in kB, or 0 when it cannot be read. */
  private static long residentKilobytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
