package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Config;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import java.util.List;
import java.util.OptionalLong;

/**
 * A factory of a model that learns: its id, version, description, what one iteration means and
 * its {@link Declarations}, from which the settings it lists and the work a training run costs
 * ({@link Training#UPDATES} x {@link Training#BATCH_SIZE}) follow. A variant is one instance.
 */
public abstract class LearningModelFactory implements ModelFactory {
  private final String id;
  private final String version;
  private final String description;
  private final String iterationMeaning;
  private final Declarations declarations;

  protected LearningModelFactory(String id, String version, String description, String iterationMeaning,
      Declarations declarations) {
    this.id = requireNonNull(id, "id is null");
    this.version = requireNonNull(version, "version is null");
    this.description = requireNonNull(description, "description is null");
    this.iterationMeaning = requireNonNull(iterationMeaning, "iterationMeaning is null");
    this.declarations = requireNonNull(declarations, "declarations is null");
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String version() {
    return version;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final String iterationMeaning() {
    return iterationMeaning;
  }

  @Override
  public final boolean learns() {
    return true;
  }

  @Override
  public final List<Setting> settings() {
    return declarations.settings();
  }

  /** The settings this factory's models read. */
  public final Declarations declarations() {
    return declarations;
  }

  /** Training examples processed: the updates times the batch size where both are declared. */
  @Override
  public OptionalLong trainingWork(Config config) {
    Settings settings = declarations.read(config);
    if (!settings.has(Training.UPDATES) || !settings.has(Training.BATCH_SIZE)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) settings.get(Training.UPDATES) * settings.get(Training.BATCH_SIZE));
  }
}
