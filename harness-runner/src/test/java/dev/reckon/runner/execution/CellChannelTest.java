package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel's framing: the result is the first complete message under its cap, and the last. */
class CellChannelTest {
  private final List<String> heard = new ArrayList<>();
  private final CellChannel.Listener listener = new CellChannel.Listener() {
    @Override
    public void started() {
      heard.add("started");
    }

    @Override
    public void progress(int done, int total) {
      heard.add(done + "/" + total);
    }

    @Override
    public void other(byte[] line, int length) {
      heard.add("other:" + new String(line, 0, length, StandardCharsets.UTF_8));
    }
  };

  @Test
  void linesThenTheResultMessage() throws IOException {
    byte[] json = "{\"outcome\":1}".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    sent.write((CellMain.STARTED + "\n" + CellMain.PROGRESS + "3 10\nnative noise\n").getBytes(StandardCharsets.UTF_8));
    CellChannel.sendResult(sent, json);

    CellChannel.Reading reading = new CellChannel().read(new ByteArrayInputStream(sent.toByteArray()), listener);

    assertArrayEquals(json, reading.result().orElseThrow());
    assertTrue(reading.violation().isEmpty());
    assertEquals(List.of("started", "3/10", "other:native noise"), heard);
  }

  @Test
  void aByteAfterTheResultFailsTheCell() throws IOException {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    CellChannel.sendResult(sent, "{}".getBytes(StandardCharsets.UTF_8));
    sent.write("reckon-cell-result 2\n{}".getBytes(StandardCharsets.UTF_8));

    CellChannel.Reading reading = new CellChannel(100, 1000).read(new ByteArrayInputStream(sent.toByteArray()),
        listener);

    assertTrue(reading.result().isEmpty());
    String reason = reading.violation().orElseThrow();
    assertTrue(reason.contains("after its result") && reason.contains("1000 bytes"), reason);
  }

  @Test
  void aResultOverTheCapIsRefusedWithoutReadingIt() throws IOException {
    byte[] sent = "reckon-cell-result 2048\n".getBytes(StandardCharsets.UTF_8);

    CellChannel.Reading reading = new CellChannel(100, 1024).read(new ByteArrayInputStream(sent), listener);

    String reason = reading.violation().orElseThrow();
    assertTrue(reason.contains("2048 bytes, over the cap of 1 KiB"), reason);
  }

  @Test
  void aLineOverTheCapFailsTheCellWithoutHoldingIt() throws IOException {
    // An endless line without a newline: the reader stops at the cap instead of running out of memory.
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }
    };

    CellChannel.Reading reading = new CellChannel(1024, 4096).read(endless, listener);

    String reason = reading.violation().orElseThrow();
    assertTrue(reason.contains("a line of more than 1 KiB"), reason);
  }

  @Test
  void aProcessThatEndsMidResultSentNothing() throws IOException {
    byte[] sent = "reckon-cell-result 10\n{\"a\"".getBytes(StandardCharsets.UTF_8);

    CellChannel.Reading reading = new CellChannel().read(new ByteArrayInputStream(sent), listener);

    assertTrue(reading.result().isEmpty() && reading.violation().isEmpty(), reading::toString);
  }

  @Test
  void aMalformedHeaderIsNamed() throws IOException {
    CellChannel.Reading reading = new CellChannel().read(new ByteArrayInputStream(
        "reckon-cell-result lots\n".getBytes(StandardCharsets.UTF_8)), listener);

    assertTrue(reading.violation().orElseThrow().contains("malformed result header"), reading::toString);
  }

  @Test
  void sizesReadAsAPersonReadsThem() {
    assertEquals("64 MiB", CellChannel.size(CellChannel.RESULT_CAP));
    assertEquals("64 KiB", CellChannel.size(CellChannel.LINE_CAP));
    assertEquals("1000 bytes", CellChannel.size(1000));
  }
}
