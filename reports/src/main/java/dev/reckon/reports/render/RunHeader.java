package dev.reckon.reports.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the verdicts page says of a run beyond {@link Report#about}: the run format it was written
 * in, the machine, the wall time from start to finish, and how its cells ended.
 *
 * @param formatVersion the manifest's {@code formatVersion} (a manifest without one is read as the
 *     current format, as {@link RunResults#read} reads it)
 * @param machine e.g. {@code host vm, 2 processors, Linux amd64, Java 17.0.15}; empty when the
 *     manifest says nothing of it
 * @param wallTime from the start to the end of the run, when the manifest has both
 * @param resumed the times the run was resumed, which the wall time spans
 */
record RunHeader(int formatVersion, String machine, Optional<Duration> wallTime, List<String> resumed) {
  /** The row of the page that records the run format its run was written in. */
  static final String RUN_FORMAT = "run format";

  RunHeader {
    resumed = List.copyOf(resumed);
  }

  static RunHeader of(Path runDirectory) {
    Path file = runDirectory.resolve(RunFormat.MANIFEST);
    JsonNode manifest;
    try {
      manifest = Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (manifest == null) {
      return new RunHeader(RunFormat.VERSION, "", Optional.empty(), List.of());
    }
    JsonNode environment = manifest.path("environment");
    List<String> machine = new ArrayList<>();
    if (!environment.path("host").asText("").isEmpty()) {
      machine.add("host " + environment.path("host").asText());
    }
    int processors = environment.path("availableProcessors").asInt(0);
    if (processors > 0) {
      machine.add(processors + (processors == 1 ? " processor" : " processors"));
    }
    for (String field : List.of("os", "javaVersion")) {
      String value = environment.path(field).asText("");
      if (!value.isEmpty()) {
        machine.add(field.equals("javaVersion") ? "Java " + value : value);
      }
    }
    List<String> resumed = new ArrayList<>();
    manifest.path("resumedAt").forEach(at -> resumed.add(at.asText().replaceFirst("\\.\\d+Z$", "Z")));
    return new RunHeader(manifest.path("formatVersion").asInt(RunFormat.VERSION), String.join(", ", machine),
        between(manifest.path("startedAt").asText(""), manifest.path("finishedAt").asText("")), resumed);
  }

  private static Optional<Duration> between(String start, String end) {
    try {
      return start.isEmpty() || end.isEmpty() ? Optional.empty()
          : Optional.of(Duration.between(Instant.parse(start), Instant.parse(end)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** E.g. {@code 25 min 59 s}, {@code 1 h 2 min 3 s}, {@code 42 s}. */
  static String text(Duration duration) {
    long seconds = Math.round(duration.toMillis() / 1000.0);
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    return (hours > 0 ? hours + " h " : "") + (hours > 0 || minutes > 0 ? minutes + " min " : "") + seconds % 60
        + " s";
  }

  /**
   * The page's table of what ran: the run id, {@link Report#about} (suite, seeds, device, engine,
   * times, harness) with the machine after the engine, the wall time after the end, how the cells
   * ended, and the run format.
   */
  Map<String, String> rows(RunResults run) {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("run id", "`" + run.id() + "`");
    Report.about(run).forEach((key, value) -> {
      rows.put(key, value);
      if (key.equals("engine") && !machine.isEmpty()) {
        rows.put("machine", machine);
      }
      if (key.equals("finished") && wallTime.isPresent()) {
        rows.put("wall time", text(wallTime.get()) + (resumed.isEmpty() ? ""
            : " from the start to the end, resumed at " + String.join(", ", resumed)));
      }
    });
    Map<String, Long> statuses = run.cells().stream()
        .collect(Collectors.groupingBy(RunResults.Cell::status, LinkedHashMap::new, Collectors.counting()));
    if (!statuses.isEmpty()) {
      rows.put("cells", List.of(RunFormat.DONE, RunFormat.SKIPPED, RunFormat.FAILED).stream()
          .map(status -> statuses.getOrDefault(status, 0L) + " " + status).collect(Collectors.joining(", ")));
    }
    rows.put(RUN_FORMAT, String.valueOf(formatVersion));
    return rows;
  }
}
