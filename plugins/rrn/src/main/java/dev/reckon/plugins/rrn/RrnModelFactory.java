package dev.reckon.plugins.rrn;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Format;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;

/** Makes the recurrent relational network {@code rrn} for labelling tasks. */
public final class RrnModelFactory implements ModelFactory {
  @Override
  public String id() {
    return RrnModel.ID;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "recurrent relational network: message passing on the task's constraint graph, a GRU node"
        + " update and a read-out after every step, trained with the loss at every step";
  }

  @Override
  public boolean supports(Task task) {
    return task.format() == Format.LABELING;
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    requireNonNull(context, "context is null");
    return new RrnModel(RrnSettings.from(context.config()), context.seed(), context.device());
  }
}
