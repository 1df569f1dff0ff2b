package dev.reckon.reports.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.reports.format.RunFormat.Column;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings columns of cells.csv, {@link Column#CONFIG} and {@link Column#TASK_CONFIG}: since
 * format 4 a JSON object from setting to value ({@code {"hidden":32,"updates":300}}); before, Java's
 * map syntax ({@code {hidden=32, updates=300}}), which reads back unless a value holds {@code ", "}
 * followed by {@code name=}. A resumed run of format 3 holds both, a line each, so a value is read by
 * its form, not by the manifest's version.
 */
public final class CellSettings {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Between two entries of the map syntax: a comma and a space before the next {@code name=}. */
  private static final Pattern ENTRY = Pattern.compile(", (?=[^,=\\s]+=)");

  private CellSettings() {}

  /** The settings as cells.csv holds them since format 4, in the order given. */
  public static String json(Map<String, ?> settings) {
    try {
      return JSON.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("settings are scalars and lists of them, always JSON: " + settings, e);
    }
  }

  /**
   * The settings in {@code column} of a cells.csv row, a value as its text (a list as JSON, or as
   * Java wrote it in the map syntax); empty when the value is.
   *
   * @throws IllegalArgumentException naming the file, line and column, when the value is neither
   *     form
   */
  static Map<String, String> read(TableReader.Row row, Column column) {
    String text = row.optional(column).strip();
    Map<String, String> settings = new LinkedHashMap<>();
    if (text.isEmpty() || text.equals("{}")) {
      return settings;
    }
    if (text.startsWith("{\"")) {
      JsonNode object;
      try {
        object = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw row.error(column, "is not JSON: " + e.getOriginalMessage());
      }
      if (!object.isObject()) {
        throw row.error(column, "is not a JSON object from setting to value");
      }
      object.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().isValueNode()
          ? e.getValue().asText() : e.getValue().toString()));
      return settings;
    }
    if (!text.startsWith("{") || !text.endsWith("}")) {
      throw row.error(column, "is neither a JSON object of settings nor {name=value, ...}");
    }
    for (String entry : ENTRY.split(text.substring(1, text.length() - 1))) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw row.error(column, "is neither a JSON object of settings nor {name=value, ...}: '" + entry
            + "' has no name=");
      }
      settings.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return settings;
  }
}
