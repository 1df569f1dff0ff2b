package dev.reckon.plugins.retrieval;

import dev.reckon.api.Format;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;

/** What every retrieval model variant shares: it learns, and it reads retrieval tasks only. */
abstract class RetrievalFactory implements ModelFactory {
  @Override
  public String version() {
    return RetrievalPlugin.VERSION;
  }

  @Override
  public boolean supports(Task task) {
    return task.format() == Format.RETRIEVAL;
  }

  @Override
  public boolean learns() {
    return true;
  }
}
