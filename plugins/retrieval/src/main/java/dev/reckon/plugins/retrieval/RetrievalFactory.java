package dev.reckon.plugins.retrieval;

import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.LearningModelFactory;

/** What every retrieval model variant shares: it learns, and it reads retrieval tasks only. */
abstract class RetrievalFactory extends LearningModelFactory {
  RetrievalFactory(String id, String description, Declarations declarations) {
    super(id, RetrievalPlugin.VERSION, description, "one forward pass (the retrieval models do not iterate)",
        declarations);
  }

  @Override
  public Support supports(Task task) {
    if (task.format() instanceof RetrievalFormat) {
      return Support.yes();
    }
    return Support.no(id() + " scores the keys of a retrieval task; this task's format is " + task.format().id());
  }
}
