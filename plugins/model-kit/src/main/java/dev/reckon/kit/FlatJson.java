package dev.reckon.kit;

import dev.reckon.api.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Settings and shapes as a flat JSON object of numbers, flags and plain text (no quote or
 * backslash in it), the form of a checkpoint's settings and shape files. A plugin sees only the api
 * and DJL, so a few lines here stand in for a JSON library.
 */
public final class FlatJson {
  private static final Pattern ENTRY =
      Pattern.compile("\"(\\w+)\"\\s*:\\s*(true|false|[-+0-9.eE]+|\"[^\"\\\\]*\")");

  private FlatJson() {}

  /** {@code values} (numbers, booleans, text) as a JSON object, one entry a line, in the map's order. */
  public static String write(Map<String, ?> values) {
    return values.entrySet().stream()
        .map(entry -> "  \"" + entry.getKey() + "\": " + value(entry.getKey(), entry.getValue()))
        .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
  }

  /** Reads what {@link #write} wrote, as a config: flags as booleans, integers as longs, text as strings, the rest as doubles. */
  public static Config read(String json) {
    Map<String, Object> values = new LinkedHashMap<>();
    Matcher matcher = ENTRY.matcher(json);
    while (matcher.find()) {
      String value = matcher.group(2);
      values.put(matcher.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1)
          : value.equals("true") || value.equals("false") ? (Object) Boolean.parseBoolean(value)
          : value.contains(".") || value.contains("e") || value.contains("E") ? (Object) Double.parseDouble(value)
          : (Object) Long.parseLong(value));
    }
    return new Config(values);
  }

  private static String value(String key, Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    if (text.contains("\"") || text.contains("\\")) {
      throw new IllegalArgumentException("'" + key + "' holds a quote or a backslash, which flat JSON does not: " + text);
    }
    return "\"" + text + "\"";
  }
}
