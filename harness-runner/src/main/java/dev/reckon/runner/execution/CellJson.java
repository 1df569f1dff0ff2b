package dev.reckon.runner.execution;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON between the runner and the processes it starts: a cell's {@link CellSpec} in and {@link
 * CellResult} out, discovery's {@link DiscoverySpec} in and its answer out, and the checks of {@code
 * reckon verify-plugin}.
 */
public final class CellJson {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .registerModule(new Jdk8Module()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private CellJson() {}

  /** Writes {@code value} to {@code file} whole or not at all (via a sibling temporary file). */
  public static void write(Path file, Object value) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      JSON.writeValue(temporary.toFile(), value);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static <T> T read(Path file, Class<T> type) {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** {@code value} on one line. */
  public static String line(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value + " as JSON", e);
    }
  }

  /** What {@link #line} wrote. */
  public static <T> T parse(String line, Class<T> type) {
    try {
      return JSON.readValue(line, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + line, e);
    }
  }
}
