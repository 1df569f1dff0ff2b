package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Setting;
import java.util.function.Function;

/**
 * One setting a model declares, once: its name, type, default (a value, or one derived from other
 * settings), the range it must lie in and its meaning. The suite's name list, the check of a
 * value, the checkpoint's JSON and the {@code reckon list --verbose} line all come from it. A
 * model reads its value with {@link Settings#get}.
 *
 * <pre>{@code
 * static final Declared<Integer> WIDTH = Declared.integer("width", 16, "the state's channels").positive();
 * }</pre>
 *
 * @param <T> the Java type of the value: Integer, Double, Boolean, String or {@code List<Integer>}
 */
public final class Declared<T> {
  private final String name;
  private final Setting.Type type;
  private final Class<T> javaType;
  private final T fixedDefault;
  private final Function<Settings, T> derivedDefault;
  private final String meaning;
  private final Range range;

  private Declared(String name, Setting.Type type, Class<T> javaType, T fixedDefault,
      Function<Settings, T> derivedDefault, String meaning, Range range) {
    this.name = requireNonNull(name, "name is null");
    this.type = requireNonNull(type, "type is null");
    this.javaType = requireNonNull(javaType, "javaType is null");
    this.fixedDefault = fixedDefault;
    this.derivedDefault = derivedDefault;
    this.meaning = requireNonNull(meaning, "meaning is null");
    this.range = requireNonNull(range, "range is null");
    if (fixedDefault != null) {
      range.check(name, fixedDefault);
    }
  }

  /** A whole number, default {@code fallback}. */
  public static Declared<Integer> integer(String name, int fallback, String meaning) {
    return new Declared<>(name, Setting.Type.INTEGER, Integer.class, fallback, null, meaning, Range.ANY);
  }

  /** Any number, default {@code fallback}. */
  public static Declared<Double> number(String name, double fallback, String meaning) {
    return new Declared<>(name, Setting.Type.NUMBER, Double.class, fallback, null, meaning, Range.ANY);
  }

  /** True or false, default {@code fallback}. */
  public static Declared<Boolean> flag(String name, boolean fallback, String meaning) {
    return new Declared<>(name, Setting.Type.BOOLEAN, Boolean.class, fallback, null, meaning, Range.ANY);
  }

  /**
   * A whole number whose default derives from the settings declared before it, e.g. {@code
   * maxIterations} from {@code steps}; {@code meaning} should say how.
   */
  public static Declared<Integer> integer(String name, Function<Settings, Integer> fallback, String meaning) {
    return new Declared<>(name, Setting.Type.INTEGER, Integer.class, null, requireNonNull(fallback, "fallback is null"),
        meaning, Range.ANY);
  }

  /** A number whose default derives from the settings declared before it. */
  public static Declared<Double> number(String name, Function<Settings, Double> fallback, String meaning) {
    return new Declared<>(name, Setting.Type.NUMBER, Double.class, null, requireNonNull(fallback, "fallback is null"),
        meaning, Range.ANY);
  }

  /** This setting, values above 0 only. */
  public Declared<T> positive() {
    return within(Range.POSITIVE);
  }

  /** This setting, values of 0 and above only. */
  public Declared<T> notNegative() {
    return within(Range.NOT_NEGATIVE);
  }

  /** This setting, values of {@code least} and above only. */
  public Declared<T> atLeast(double least) {
    return within(new Range(least, Double.POSITIVE_INFINITY, false, "at least " + plain(least)));
  }

  /** This setting, values from {@code least} to {@code most} only. */
  public Declared<T> between(double least, double most) {
    return within(new Range(least, most, false,
        "a number from " + plain(least) + " to " + plain(most)));
  }

  /** This setting with another default: a variant's, e.g. the progressive loss's weight. */
  public Declared<T> withDefault(T fallback) {
    return new Declared<>(name, type, javaType, requireNonNull(fallback, "fallback is null"), null, meaning, range);
  }

  /**
   * This setting with another meaning: a model's own words for a shared setting, e.g. {@code
   * batchSize} as "grids per update"; the name, default and range stay.
   */
  public Declared<T> withMeaning(String newMeaning) {
    return new Declared<>(name, type, javaType, fixedDefault, derivedDefault, newMeaning, range);
  }

  private Declared<T> within(Range newRange) {
    return new Declared<>(name, type, javaType, fixedDefault, derivedDefault, meaning, newRange);
  }

  public String name() {
    return name;
  }

  /** What the api and {@code reckon list --verbose} show: a derived default is shown as none. */
  public Setting setting() {
    return new Setting(name, type, fixedDefault, meaning);
  }

  /** {@code value} (from a suite or a checkpoint) as this setting's type, checked against its range. */
  T accept(Object value) {
    T accepted = javaType.cast(type.accept(name, value));
    range.check(name, accepted);
    return accepted;
  }

  /** The default, derived from {@code earlier} where it is not a fixed value. */
  T fallback(Settings earlier) {
    return derivedDefault == null ? fixedDefault : accept(derivedDefault.apply(earlier));
  }

  /** Whether the setting has a default that is a value, not derived. */
  boolean hasFixedDefault() {
    return fixedDefault != null;
  }

  @Override
  public String toString() {
    return name;
  }

  /** The values a numeric setting takes; checks only numbers. */
  private record Range(double least, double most, boolean exclusiveLeast, String expected) {
    static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, "a number");
    static final Range POSITIVE = new Range(0, Double.POSITIVE_INFINITY, true, "a positive number");
    static final Range NOT_NEGATIVE = new Range(0, Double.POSITIVE_INFINITY, false, "0 or more");

    void check(String name, Object value) {
      if (!(value instanceof Number number)) {
        return;
      }
      double x = number.doubleValue();
      boolean inside = Double.isFinite(x) && (exclusiveLeast ? x > least : x >= least) && x <= most;
      if (!inside) {
        throw new IllegalArgumentException("setting '" + name + "' is " + value + "; expected " + expected);
      }
    }
  }

  /** {@code 2} for 2.0, {@code 0.5} for 0.5: bounds as a person writes them. */
  private static String plain(double bound) {
    return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
  }
}
