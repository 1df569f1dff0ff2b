package dev.reckon.graphnets;

import dev.reckon.api.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Settings as a flat JSON object of numbers, the form of a checkpoint's settings file. A plugin
 * sees only the api and DJL, so a few lines here stand in for a JSON library.
 */
public final class FlatJson {
  private static final Pattern ENTRY = Pattern.compile("\"(\\w+)\"\\s*:\\s*([-+0-9.eE]+)");

  private FlatJson() {}

  /** {@code values} (numbers) as a JSON object, one entry a line, in the map's order. */
  public static String write(Map<String, ?> values) {
    return values.entrySet().stream()
        .map(entry -> "  \"" + entry.getKey() + "\": " + entry.getValue())
        .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
  }

  /** Reads what {@link #write} wrote, as a config: integers as longs, the rest as doubles. */
  public static Config read(String json) {
    Map<String, Object> values = new LinkedHashMap<>();
    Matcher matcher = ENTRY.matcher(json);
    while (matcher.find()) {
      String number = matcher.group(2);
      values.put(matcher.group(1), number.contains(".") || number.contains("e") || number.contains("E")
          ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number));
    }
    return new Config(values);
  }
}
