package dev.reckon.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model's settings from the suite file (hidden size, learning rate, updates...). Hyper-parameters
 * live in suites, not in code: read them here with the default the model falls back on.
 */
public final class Config {
  private final Map<String, Object> values;

  public Config(Map<String, ?> values) {
    this.values = Map.copyOf(values);
  }

  public static Config empty() {
    return new Config(Map.of());
  }

  /** The settings as given, sorted by key, for the run's manifest. */
  public Map<String, Object> asMap() {
    return new TreeMap<>(values);
  }

  public int getInt(String key, int fallback) {
    return number(key) == null ? fallback : number(key).intValue();
  }

  public long getLong(String key, long fallback) {
    return number(key) == null ? fallback : number(key).longValue();
  }

  public double getDouble(String key, double fallback) {
    return number(key) == null ? fallback : number(key).doubleValue();
  }

  public String getString(String key, String fallback) {
    Object value = values.get(key);
    return value == null ? fallback : value.toString();
  }

  public boolean getBoolean(String key, boolean fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrongType(key, value, "true or false");
  }

  /** A list of whole numbers, e.g. {@code dimensions: [4, 8, 16]}. */
  public List<Integer> getIntList(String key, List<Integer> fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
      return list.stream().map(item -> ((Number) item).intValue()).toList();
    }
    throw wrongType(key, value, "a list of numbers");
  }

  private Number number(String key) {
    Object value = values.get(key);
    if (value == null || value instanceof Number) {
      return (Number) value;
    }
    throw wrongType(key, value, "a number");
  }

  private static IllegalArgumentException wrongType(String key, Object value, String expected) {
    return new IllegalArgumentException("setting '" + key + "' is " + value + "; expected " + expected);
  }
}
