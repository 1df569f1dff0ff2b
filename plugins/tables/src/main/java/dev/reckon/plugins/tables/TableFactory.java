package dev.reckon.plugins.tables;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.LearningModelFactory;
import java.util.List;
import java.util.Optional;

/** The {@code table-<objective>} variant: a free table trained on one objective. */
final class TableFactory extends LearningModelFactory {
  private final Objective objective;

  TableFactory(Objective objective) {
    super("table-" + objective.id(), TablePlugin.VERSION,
        "a free table of scores f(query, key), one row per training query, trained by SGD on the "
            + objective.description(),
        "one read of the table (a table does not iterate)", TableSettings.DECLARED);
    this.objective = objective;
  }

  @Override
  public Support supports(Task task) {
    if (task.format() instanceof RetrievalFormat) {
      return Support.yes();
    }
    return Support.no(id() + " scores the keys of a retrieval task; this task's format is " + task.format().id());
  }

  @Override
  public Model create(ModelContext context) {
    return table(context);
  }

  @Override
  public Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return Optional.of(new TableGroup(contexts.stream().map(this::table).toList()));
  }

  private TableModel table(ModelContext context) {
    return new TableModel(id(), objective, declarations().read(context.config()), context);
  }
}
