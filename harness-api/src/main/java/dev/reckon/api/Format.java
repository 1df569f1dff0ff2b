package dev.reckon.api;

/** The shape of a task's data; a model supports the formats it can read. */
public enum Format {
  /** Give every node of a constraint graph a label: {@link LabelingDataset}. Sudoku is one. */
  LABELING,
  /** Score every key of a fixed set against a query: {@link RetrievalDataset}. SET games are. */
  RETRIEVAL
}
