package dev.reckon.api;

/** A set of examples of one task level, in one of the {@link Format}s. */
public sealed interface Dataset permits LabelingDataset, RetrievalDataset {
  /** Number of examples. */
  int size();

  /** The same examples with the answers removed: what a model is shown at evaluation. */
  Dataset withoutAnswers();

  /** False for a dataset made by {@link #withoutAnswers()}. */
  boolean hasAnswers();
}
