package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's settings, as {@link Declarations#read} resolved them: every declared setting has a
 * value, each of its declared type and range. Immutable.
 */
public final class Settings {
  static final Settings EMPTY = new Settings(Map.of());

  private final Map<String, Object> values;

  private Settings(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** The value of {@code setting}. */
  public <T> T get(Declared<T> setting) {
    Object value = values.get(setting.name());
    if (value == null) {
      throw new IllegalArgumentException("setting '" + setting.name() + "' is not among these settings"
          + " (or is read by a derived default declared before it)");
    }
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    return typed;
  }

  /** Whether {@code setting} is among these settings: a variant may declare fewer. */
  public boolean has(Declared<?> setting) {
    return values.containsKey(setting.name());
  }

  /** These settings with {@code setting} at {@code value}: how a test or a variant sets one. */
  public <T> Settings with(Declared<T> setting, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(values);
    changed.put(setting.name(), requireNonNull(setting.accept(value), "value is null"));
    return new Settings(changed);
  }

  /** The settings by name, in declaration order. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** The settings as flat JSON, one a line in declaration order: a checkpoint's settings file. */
  public String toJson() {
    return FlatJson.write(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Settings settings && values.equals(settings.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
