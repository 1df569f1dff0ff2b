package dev.reckon.api;

/**
 * The shape of a task's data and what a model must know to be right on it: the task declares it,
 * models read it to accept or decline the task before any training.
 *
 * <p>The built-in shapes are {@link LabelingFormat}, {@link GridFormat}, {@link SequenceFormat}
 * and {@link RetrievalFormat}, each with its own {@link Dataset} and {@link Predictions} types. A task of a
 * shape nobody here thought of implements this interface (and {@link Dataset}, {@link
 * Predictions}) in its own jar; models that know the shape find it by {@link #id()} or type.
 */
public interface Format {
  /** A short name of the shape, e.g. {@code labeling}; shown by {@code reckon list}. */
  String id();

  /** Everything declared, in one line for people, e.g. {@code labeling on a shared graph, ...}. */
  String describe();
}
