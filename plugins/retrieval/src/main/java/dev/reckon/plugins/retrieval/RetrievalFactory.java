package dev.reckon.plugins.retrieval;

import ai.djl.nn.Block;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.LearningModelFactory;
import dev.reckon.kit.StackedGroup;
import java.util.List;
import java.util.Optional;

/**
 * What every retrieval model variant shares: it learns, it reads retrieval tasks only, and it
 * trains seeds together as one network ({@link StackedGroup}).
 *
 * @param <N> the variant's network
 */
abstract class RetrievalFactory<N extends Block> extends LearningModelFactory {
  RetrievalFactory(String id, String description, Declarations declarations) {
    super(id, RetrievalPlugin.VERSION, description, "one forward pass (the retrieval models do not iterate)",
        declarations);
  }

  /** The variant's model of these seeds' contexts: one for a model of its own, K for a group. */
  abstract RetrievalModel<N> model(List<ModelContext> contexts);

  @Override
  public final Model create(ModelContext context) {
    return model(List.of(context));
  }

  @Override
  public final Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return StackedGroup.of(contexts, this::model, context -> model(List.of(context)));
  }

  @Override
  public Support supports(Task task) {
    if (task.format() instanceof RetrievalFormat) {
      return Support.yes();
    }
    return Support.no(id() + " scores the keys of a retrieval task; this task's format is " + task.format().id());
  }
}
