package dev.reckon.plugins.retrieval;

import dev.reckon.api.ModelFactory;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;

/** What every retrieval model variant shares: it learns, and it reads retrieval tasks only. */
abstract class RetrievalFactory implements ModelFactory {
  @Override
  public String version() {
    return RetrievalPlugin.VERSION;
  }

  @Override
  public Support supports(Task task) {
    if (task.format() instanceof RetrievalFormat) {
      return Support.yes();
    }
    return Support.no(id() + " scores the keys of a retrieval task; this task's format is " + task.format().id());
  }

  @Override
  public String iterationMeaning() {
    return "one forward pass (the retrieval models do not iterate)";
  }

  @Override
  public boolean learns() {
    return true;
  }
}
