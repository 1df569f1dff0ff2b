package dev.reckon.runner.results;

import dev.reckon.reports.format.RunFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * A run directory has one writer at a time: {@code run.lock} holds an exclusive lock of the
 * operating system while a run or resume writes there, with the holder's pid and host inside for
 * the one refused. The lock dies with its process, so a killed run never leaves one behind.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock of {@code runDirectory}, or empty with who holds it. */
  public static Result acquire(Path runDirectory, String host) {
    Path file = runDirectory.resolve(RunFormat.LOCK);
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this very process holds it already
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        return new Result(Optional.empty(), holder.isEmpty() ? "another process" : holder);
      }
      try {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on " + host + " since "
            + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
      } catch (IOException e) {
        channel.close(); // and the lock with it
        throw e;
      }
      return new Result(Optional.of(new RunLock(channel, lock)), "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  /** The lock when taken; else who holds it. */
  public record Result(Optional<RunLock> lock, String holder) {}

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
