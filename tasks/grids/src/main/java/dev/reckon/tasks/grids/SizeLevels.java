package dev.reckon.tasks.grids;

import dev.reckon.api.Level;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A grid task's levels, one size each, named by a letter and the size ({@code s9}: side 9, {@code
 * n16}: 16 bits) with the size as difficulty: the listed ones, easiest first, and any other size
 * the task's rule allows, taken by id, so a suite can test on a size nobody listed.
 */
final class SizeLevels {
  /** The largest size of any level: a grid's cells stay well within an int. */
  private static final int LARGEST = 9999;

  private final String letter;
  private final int smallest;
  private final boolean odd;
  private final IntFunction<String> description;
  private final Pattern id;
  private final List<Level> listed;

  /**
   * @param letter what an id starts with
   * @param smallest the smallest size allowed
   * @param odd whether sizes must be odd
   * @param description a level's description, by its size
   * @param sizes the listed sizes, ascending
   */
  SizeLevels(String letter, int smallest, boolean odd, IntFunction<String> description, List<Integer> sizes) {
    this.letter = letter;
    this.smallest = smallest;
    this.odd = odd;
    this.description = description;
    // No leading zero, so a size has one id; nine digits at most, so it parses as an int.
    this.id = Pattern.compile(Pattern.quote(letter) + "([1-9][0-9]{0,8})");
    this.listed = sizes.stream().map(size -> new Level(letter + size, size, description.apply(size))).toList();
  }

  List<Level> listed() {
    return listed;
  }

  /** The level of this id, listed or not; an id that breaks the rule is refused, naming the rule. */
  Level level(String id) {
    Matcher matcher = this.id.matcher(id);
    int size = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    if (size < smallest || size > LARGEST || (odd && size % 2 == 0)) {
      throw new IllegalArgumentException("no level '" + id + "'; the levels are " + letter + "N with N"
          + (odd ? " odd" : "") + " from " + smallest + " to " + LARGEST + ", e.g. "
          + listed.stream().map(Level::id).collect(Collectors.joining(", ")));
    }
    return new Level(id, size, description.apply(size));
  }

  /** The size of {@code level}, checked against the rule. */
  int size(Level level) {
    return (int) level(level.id()).difficulty();
  }
}
