package dev.reckon.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The settings a task or model runs with: every declared {@link Setting} at the suite's value or
 * its default. Hyper-parameters live in suites, not in code: read them here by name.
 *
 * <p>The runner makes a plugin's config with {@link #resolve}, which refuses names the plugin does
 * not declare and values of the wrong type, so a typo in a suite never passes silently.
 */
public final class Config {
  private final Map<String, Object> values;

  /** Settings taken as they are, without a declaration to check them against (tests, checkpoints). */
  public Config(Map<String, ?> values) {
    this.values = Map.copyOf(values);
  }

  public static Config empty() {
    return new Config(Map.of());
  }

  /**
   * The effective settings: each of {@code declared} at its value in {@code given}, or its default.
   *
   * @throws IllegalArgumentException for a name in {@code given} that is not declared (naming the
   *     declared ones) or a value of the wrong type
   */
  public static Config resolve(List<Setting> declared, Map<String, ?> given) {
    Map<String, Setting> byName = new LinkedHashMap<>();
    declared.forEach(setting -> byName.put(setting.name(), setting));
    List<String> unknown = new ArrayList<>(given.keySet());
    unknown.removeAll(byName.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown setting" + (unknown.size() > 1 ? "s " : " ")
          + unknown.stream().sorted().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
          + (byName.isEmpty() ? "; it takes no settings" : "; its settings are "
              + byName.keySet().stream().sorted().collect(Collectors.joining(", "))));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Setting setting : declared) {
      Object value = given.get(setting.name());
      if (value != null) {
        values.put(setting.name(), setting.type().accept(setting.name(), value));
      } else if (setting.defaultValue() != null) {
        values.put(setting.name(), setting.defaultValue());
      }
    }
    return new Config(values);
  }

  /** The settings, sorted by key, for the run's manifest and cells.csv. */
  public Map<String, Object> asMap() {
    return new TreeMap<>(values);
  }

  /** The value of a setting that has one (declared with a default, or set by the suite). */
  public int getInt(String key) {
    return required(key, getInt(key, 0));
  }

  public long getLong(String key) {
    return required(key, getLong(key, 0));
  }

  public double getDouble(String key) {
    return required(key, getDouble(key, 0));
  }

  public String getString(String key) {
    return required(key, getString(key, null));
  }

  public boolean getBoolean(String key) {
    return required(key, getBoolean(key, false));
  }

  public List<Integer> getIntList(String key) {
    return required(key, getIntList(key, null));
  }

  /** Whether the setting has a value: false for a derived default the suite left unset. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The value, or {@code fallback} for a setting without one (a default derived from others). */
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

  private <T> T required(String key, T value) {
    if (!values.containsKey(key)) {
      throw new IllegalStateException("setting '" + key + "' has no value: declare it with a default");
    }
    return value;
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
