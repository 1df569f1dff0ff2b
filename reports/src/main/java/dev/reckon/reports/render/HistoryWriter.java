package dev.reckon.reports.render;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.check.RunHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a {@link RunHistory} into a directory: history.html, history.md and history.csv ({@link HistoryPage}). */
public final class HistoryWriter {
  /** Where {@code reckon history} writes by default, in the newest run's directory. */
  public static final String FOLDER = "history";
  public static final String HTML = "history.html";
  public static final String MARKDOWN = "history.md";

  private HistoryWriter() {}

  /** Writes {@code history} into {@code out} and returns the files written. */
  public static List<Path> write(RunHistory history, Path out) {
    HistoryPage page = new HistoryPage(history);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the folder " + out, e);
    }
    Board board = page.board();
    board.writeCsv(out);
    return List.of(write(out.resolve(HTML), page.html()), write(out.resolve(MARKDOWN), page.markdown()),
        out.resolve(board.name() + ".csv"));
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
