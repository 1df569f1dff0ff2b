package dev.reckon.runner.execution;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A cell's output log ({@code cell-output/...log}), capped: what the process prints is appended up
 * to the first quarter of the cap; past it only the last three quarters are held (in memory, as a
 * ring), and on close the log says how many bytes were cut there and ends with that tail. A
 * process that prints without end costs the run at most the cap, on disk and in memory.
 */
final class CellOutputLog implements Closeable {
  /** The most bytes one attempt of a cell leaves in its output log (the cut's note aside). */
  static final int CAP = 4 * 1024 * 1024;

  private final OutputStream file;
  private final int cap;
  private final int head;
  private long written;
  private byte[] tail;
  private int tailStart;
  private int tailLength;
  private long cut;

  CellOutputLog(Path path) {
    this(path, CAP);
  }

  CellOutputLog(Path path, int cap) {
    this.cap = cap;
    this.head = cap / 4;
    try {
      this.file = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the cell's output log " + path, e);
    }
  }

  synchronized void write(byte[] bytes, int offset, int length) {
    int inHead = (int) Math.max(0, Math.min(length, head - written));
    try {
      if (inHead > 0) {
        file.write(bytes, offset, inHead);
        file.flush();
        written += inHead;
      }
    } catch (IOException e) {
      // a log that cannot be written loses output, not the cell
    }
    for (int i = offset + inHead; i < offset + length; i++) {
      keep(bytes[i]);
    }
  }

  synchronized void writeLine(byte[] bytes, int length) {
    write(bytes, 0, length);
    write(new byte[] {'\n'}, 0, 1);
  }

  private void keep(byte b) {
    if (tail == null) {
      tail = new byte[cap - head];
    }
    if (tailLength < tail.length) {
      tail[(tailStart + tailLength++) % tail.length] = b;
    } else {
      tail[tailStart] = b;
      tailStart = (tailStart + 1) % tail.length;
      cut++;
    }
  }

  /** Whether anything was cut. */
  synchronized boolean cut() {
    return cut > 0;
  }

  @Override
  public synchronized void close() {
    try (OutputStream out = file) {
      if (cut > 0) {
        out.write(("\n== reckon: " + cut + " bytes of this cell's output were cut here: its log keeps the first "
            + CellChannel.size(head) + " and the last " + CellChannel.size(cap - head) + " (a cap of "
            + CellChannel.size(cap) + " a cell)\n").getBytes(StandardCharsets.UTF_8));
      }
      if (tail != null) {
        int first = Math.min(tailLength, tail.length - tailStart);
        out.write(tail, tailStart, first);
        out.write(tail, 0, tailLength - first);
      }
    } catch (IOException e) {
      // as in write
    }
  }
}
