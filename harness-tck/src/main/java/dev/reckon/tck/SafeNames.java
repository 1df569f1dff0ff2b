package dev.reckon.tck;

import java.util.regex.Pattern;

/**
 * The names a plugin gives that become folder names and CSV values in a run directory (task,
 * model and analysis ids, level ids, metric names): letters, digits, {@code . _ -}, starting with
 * a letter or digit, at most 64 characters. So no id can name a path outside the run directory.
 */
public final class SafeNames {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private SafeNames() {}

  public static boolean safe(String name) {
    return name != null && SAFE.matcher(name).matches() && !name.contains("..");
  }

  /**
   * {@code name} when it is safe.
   *
   * @throws IllegalArgumentException saying what is wrong with it, for one named {@code what}
   */
  public static String require(String what, String name) {
    if (!safe(name)) {
      throw new IllegalArgumentException(what + " " + (name == null ? "is null" : "'" + name + "' is not a safe name")
          + "; names are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, without '..'");
    }
    return name;
  }
}
