package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model's settings, declared in order: what its factory lists ({@link #settings}) and what its
 * model reads ({@link #read}). A derived default reads only the settings declared before it.
 */
public final class Declarations {
  private final List<Declared<?>> declared;

  private Declarations(List<Declared<?>> declared) {
    Set<String> names = new HashSet<>();
    for (Declared<?> declaration : declared) {
      if (!names.add(declaration.name())) {
        throw new IllegalArgumentException("setting '" + declaration.name() + "' is declared twice");
      }
    }
    this.declared = List.copyOf(declared);
  }

  public static Declarations of(Declared<?>... declared) {
    return new Declarations(Arrays.asList(declared));
  }

  /** These declarations, then {@code more}'s. */
  public Declarations and(Declarations more) {
    List<Declared<?>> all = new ArrayList<>(declared);
    all.addAll(more.declared);
    return new Declarations(all);
  }

  /** These declarations, then {@code more}. */
  public Declarations and(Declared<?>... more) {
    return and(of(more));
  }

  /**
   * These declarations with {@code replacement} in the place of the one of the same name: a
   * variant's default, e.g. {@code UPDATES.withDefault(300)}.
   */
  public Declarations with(Declared<?> replacement) {
    List<Declared<?>> all = new ArrayList<>(declared);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(replacement.name())) {
        all.set(i, replacement);
        return new Declarations(all);
      }
    }
    throw new IllegalArgumentException("setting '" + replacement.name() + "' is not declared here");
  }

  /** The settings as the api lists them, for {@code ModelFactory.settings()}. */
  public List<Setting> settings() {
    return declared.stream().map(Declared::setting).toList();
  }

  /**
   * The settings of {@code config} (a suite's, resolved against {@link #settings}, or a
   * checkpoint's): each declared one at its value there, else at its default.
   *
   * @throws IllegalArgumentException naming a setting whose value is of the wrong type or range
   */
  public Settings read(Config config) {
    requireNonNull(config, "config is null");
    Settings settings = Settings.EMPTY;
    for (Declared<?> declaration : declared) {
      settings = settings.with(declaration, config.has(declaration.name())
          ? declaration.accept(config.asMap().get(declaration.name()))
          : declaration.fallback(settings));
    }
    return settings;
  }

  /** Reads the settings of a checkpoint written by {@link Settings#toJson}. */
  public Settings fromJson(String json) {
    return read(FlatJson.read(json));
  }
}
