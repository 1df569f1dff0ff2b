package dev.reckon.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Makes one model variant. Each variant has its own id, e.g. {@code contrastive-d4}. */
public interface ModelFactory {
  /** Unique id across all loaded plugins: letters, digits, {@code . _ -}. */
  String id();

  String version();

  default String description() {
    return "";
  }

  /** The settings the model takes; a suite setting any other name is refused. */
  default List<Setting> settings() {
    return List.of();
  }

  /**
   * Whether this model can be right on the task, decided from its declared {@link Task#format()}
   * before any data is made: decline what you cannot do, with the reason (e.g. a graph built once
   * cannot read a graph per example). Declined cells are skipped, not failed.
   */
  Support supports(Task task);

  /**
   * What one iteration of this model's test-time compute axis is, for the leaderboards, e.g. {@code
   * "one message-passing step"} or {@code "one solver evaluation of the fixed-point map"}: models
   * compared on one axis must say what they count.
   */
  default String iterationMeaning() {
    return "one iteration";
  }

  /** Whether the model learns from a training set; the runner builds one only for those that do. */
  default boolean learns() {
    return false;
  }

  /**
   * Whether this model is a reference for the scorer rather than a contestant, as the {@code
   * oracle} is: only then does the task the runner shows it (in {@link #supports} and {@link
   * ModelContext#task()}) offer the task's {@link Task#referenceSolver()}. Every other model sees
   * no solver, and no task generator: its data comes through {@code train} and {@code predict}.
   * The runner names a reference model's cells as such in their reason.
   */
  default boolean usesReferenceSolver() {
    return false;
  }

  /**
   * The training examples a cell of this model processes under {@code config} (its updates times
   * its batch size, say), for planning only: the runner starts the costliest cells first and deals
   * shards by it. Empty when unknown; the runner then assumes a middling cost.
   *
   * @param config the cell's settings, resolved against {@link #settings()}
   */
  default OptionalLong trainingWork(Config config) {
    return OptionalLong.empty();
  }

  /** A fresh, untrained model for one cell. */
  Model create(ModelContext context);

  /**
   * A fresh group of one model per context, trained at once ({@link SeedGroup}); the contexts share
   * the task's settings and the model's and differ in the seed (the task's too: its format may then
   * differ, e.g. a map of cities per seed). Empty (the default) when the model trains these seeds one
   * by one: the runner then trains each with {@link #create}.
   */
  default Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return Optional.empty();
  }
}
