package dev.reckon.api;

/**
 * A model's outputs for a dataset at every iteration count it was run at. A recurrent model
 * reads out after each step, so one pass fills the whole test-time-compute curve.
 */
public sealed interface Predictions permits LabelingPredictions, RetrievalPredictions {
  /** The iteration counts, ascending; a model without iterations reports {@code [1]}. */
  int[] iterations();
}
