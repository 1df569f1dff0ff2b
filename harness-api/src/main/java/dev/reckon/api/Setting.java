package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One setting a task or model declares: suites may set it by name, and a name a plugin does not
 * declare, or a value of the wrong type, is refused before anything runs.
 *
 * @param name the key in a suite's {@code config}, e.g. {@code hidden}
 * @param type what values it takes
 * @param defaultValue the value when a suite does not set it, of {@code type}'s Java class; null
 *     when the default is derived from other settings (say how in {@code description})
 * @param description one line for {@code reckon list --verbose}
 */
public record Setting(String name, Type type, Object defaultValue, String description) {
  public Setting {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(description, "description is null");
    if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("setting name '" + name + "' is not a word of letters, digits and _");
    }
    if (defaultValue != null) {
      defaultValue = type.accept(name, defaultValue);
    }
  }

  public static Setting integer(String name, Integer defaultValue, String description) {
    return new Setting(name, Type.INTEGER, defaultValue, description);
  }

  public static Setting number(String name, Double defaultValue, String description) {
    return new Setting(name, Type.NUMBER, defaultValue, description);
  }

  public static Setting flag(String name, Boolean defaultValue, String description) {
    return new Setting(name, Type.BOOLEAN, defaultValue, description);
  }

  public static Setting text(String name, String defaultValue, String description) {
    return new Setting(name, Type.TEXT, defaultValue, description);
  }

  public static Setting integers(String name, List<Integer> defaultValue, String description) {
    return new Setting(name, Type.INTEGER_LIST, defaultValue, description);
  }

  /** The kinds of value a setting takes, and how a suite's value is read as one. */
  public enum Type {
    /** A whole number (Java {@link Integer}). */
    INTEGER("a whole number"),
    /** Any finite number (Java {@link Double}); whole numbers are accepted, NaN and infinities are not. */
    NUMBER("a finite number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** Any text. */
    TEXT("text"),
    /** A list of whole numbers, e.g. {@code [4, 8, 16]} (Java {@code List<Integer>}). */
    INTEGER_LIST("a list of whole numbers");

    private final String expected;

    Type(String expected) {
      this.expected = expected;
    }

    /** What a value must be, for messages: e.g. {@code "a whole number"}. */
    public String expected() {
      return expected;
    }

    /**
     * {@code value} as this type's Java class.
     *
     * @throws IllegalArgumentException naming the setting, the value and what was expected
     */
    public Object accept(String setting, Object value) {
      Object accepted = switch (this) {
        case INTEGER -> value instanceof Number n && isWhole(n) ? (Object) Math.toIntExact(n.longValue()) : null;
        case NUMBER -> value instanceof Number n && Double.isFinite(n.doubleValue()) ? (Object) n.doubleValue() : null;
        case BOOLEAN -> value instanceof Boolean ? value : null;
        case TEXT -> value instanceof String || value instanceof Number || value instanceof Boolean
            ? value.toString() : null;
        case INTEGER_LIST -> value instanceof List<?> list
            && list.stream().allMatch(item -> item instanceof Number n && isWhole(n))
            ? list.stream().map(item -> Math.toIntExact(((Number) item).longValue())).toList() : null;
      };
      if (accepted == null) {
        throw new IllegalArgumentException("setting '" + setting + "' is " + value + "; expected " + expected);
      }
      return accepted;
    }

    private static boolean isWhole(Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
    }
  }
}
