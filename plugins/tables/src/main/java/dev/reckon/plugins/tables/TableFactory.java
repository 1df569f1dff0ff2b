package dev.reckon.plugins.tables;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;

/** The {@code table-<objective>} variant: a free table trained on one objective. */
final class TableFactory implements ModelFactory {
  private final Objective objective;

  TableFactory(Objective objective) {
    this.objective = objective;
  }

  @Override
  public String id() {
    return "table-" + objective.id();
  }

  @Override
  public String version() {
    return TablePlugin.VERSION;
  }

  @Override
  public String description() {
    return "a free table of scores f(query, key), one row per training query, trained by SGD on the "
        + objective.description();
  }

  @Override
  public List<Setting> settings() {
    return TableSettings.DECLARED;
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
    return "one read of the table (a table does not iterate)";
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    return new TableModel(id(), objective, context);
  }
}
