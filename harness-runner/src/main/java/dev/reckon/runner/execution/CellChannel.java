package dev.reckon.runner.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The channel from a cell's process to the runner (the process's standard output), framed: lines
 * of at most {@link #LINE_CAP} bytes ({@link CellMain#STARTED}, progress, anything else printed
 * there goes to the output log), then the result as one message: the line {@code
 * reckon-cell-result N} and exactly N bytes of JSON, N at most {@link #RESULT_CAP}. The result is
 * the first complete message and the last: a byte after it, a line or result over its cap, fails
 * the cell with a reason that names the cap, and the runner never holds more than a cap of it.
 */
final class CellChannel {
  /** The most bytes of one line on the channel before the result. */
  static final int LINE_CAP = 64 * 1024;

  /** The most bytes of a cell's result (its outcome as JSON, curves and error trace included). */
  static final int RESULT_CAP = 64 * 1024 * 1024;

  /** The header of the result message: {@code reckon-cell-result N}. */
  static final String RESULT = "reckon-cell-result ";

  /** What the runner does with the lines before the result. */
  interface Listener {
    /** The process is up and the cell's work begins. */
    void started();

    /** A progress line: {@code done} of {@code total} training steps. */
    void progress(int done, int total);

    /** Any other line, without its end: kept in the cell's output log. */
    void other(byte[] line, int length);
  }

  /**
   * What the channel brought: the result's bytes, or why the cell fails for what it sent (empty
   * for both when the process ended before its result: its exit status tells why).
   */
  record Reading(Optional<byte[]> result, Optional<String> violation) {
    static Reading ended() {
      return new Reading(Optional.empty(), Optional.empty());
    }

    static Reading violated(String reason) {
      return new Reading(Optional.empty(), Optional.of(reason));
    }
  }

  private final int lineCap;
  private final int resultCap;

  CellChannel() {
    this(LINE_CAP, RESULT_CAP);
  }

  CellChannel(int lineCap, int resultCap) {
    this.lineCap = lineCap;
    this.resultCap = resultCap;
  }

  /** Sends {@code json} as the cell's result: the header line, then the bytes. */
  static void sendResult(OutputStream channel, byte[] json) throws IOException {
    channel.write((RESULT + json.length + "\n").getBytes(StandardCharsets.US_ASCII));
    channel.write(json);
    channel.flush();
  }

  /**
   * Reads the channel to its end (or to the first violation, after which the runner ends the
   * process): lines to {@code listener}, then the result, then nothing.
   */
  Reading read(InputStream in, Listener listener) throws IOException {
    byte[] line = new byte[Math.min(lineCap, 8192)];
    while (true) {
      int length = 0;
      int next;
      while ((next = in.read()) >= 0 && next != '\n') {
        if (length == lineCap) {
          return Reading.violated("the cell's process wrote a line of more than " + size(lineCap) + " to its result "
              + "channel (the cap of a line there); the cell is failed and its process ended");
        }
        if (length == line.length) {
          line = Arrays.copyOf(line, Math.min(lineCap, line.length * 2));
        }
        line[length++] = (byte) next;
      }
      if (next < 0 && length == 0) {
        return Reading.ended();
      }
      String text = length <= 64 ? new String(line, 0, length, StandardCharsets.UTF_8) : "";
      if (text.equals(CellMain.STARTED)) {
        listener.started();
      } else if (text.startsWith(CellMain.PROGRESS) && progress(text, listener)) {
        // passed on
      } else if (text.startsWith(RESULT)) {
        return result(text, in);
      } else {
        listener.other(line, length);
      }
      if (next < 0) {
        return Reading.ended();
      }
    }
  }

  private Reading result(String header, InputStream in) throws IOException {
    long announced;
    try {
      announced = Long.parseLong(header.substring(RESULT.length()).trim());
    } catch (NumberFormatException e) {
      return Reading.violated("the cell's process sent a malformed result header '" + header + "' on its channel");
    }
    if (announced < 0 || announced > resultCap) {
      return Reading.violated("the cell's process announced a result of " + announced + " bytes, over the cap of "
          + size(resultCap) + " for a cell's result; the cell is failed and its process ended");
    }
    byte[] result = in.readNBytes((int) announced);
    if (result.length < announced) {
      return Reading.ended();
    }
    long after = 0;
    while (in.read() >= 0) {
      // One byte after the result is enough to fail the cell; count a little more for the reason.
      if (++after >= 4096 || in.available() == 0) {
        break;
      }
    }
    if (after > 0) {
      return Reading.violated("the cell's process wrote " + (after >= 4096 ? "4 KiB or more" : after + " bytes")
          + " to its result channel after its result: a cell's result is the first complete message there and the "
          + "only one (at most " + size(resultCap) + "), so the cell is failed");
    }
    return new Reading(Optional.of(result), Optional.empty());
  }

  private static boolean progress(String line, Listener listener) {
    String[] numbers = line.substring(CellMain.PROGRESS.length()).trim().split(" ");
    try {
      listener.progress(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1]));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A byte count as a person reads it: {@code 64 KiB}, {@code 64 MiB}, {@code 300 bytes}. */
  static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return String.format(Locale.ROOT, "%d KiB", bytes >> 10);
    }
    return bytes + " bytes";
  }
}
