package org.example.messages;

import dev.reckon.api.LabelingFormat;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;

/** Makes the model for each cell of a run, and says which tasks it can do before any data is made. */
final class MessageMlpFactory implements ModelFactory {
  static final String HIDDEN = "hidden";
  static final String ROUNDS = "rounds";
  static final String UPDATES = "updates";
  static final String BATCH_SIZE = "batchSize";
  static final String LEARNING_RATE = "learningRate";

  @Override
  public String id() {
    return "message-mlp";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "a small message-passing network on DJL: each node's belief over the labels, updated from its "
        + "neighbours' by one shared MLP, round after round";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        Setting.integer(HIDDEN, 32, "units of the MLP's hidden layer"),
        Setting.integer(ROUNDS, 4, "message-passing rounds T in training; predictions at 1, 2, 4, ... up to 4T"),
        Setting.integer(UPDATES, 300, "Adam updates"),
        Setting.integer(BATCH_SIZE, 32, "examples an update"),
        Setting.number(LEARNING_RATE, 0.01, "Adam's step size"));
  }

  @Override
  public Support supports(Task task) {
    // It passes messages along the constraint graph's edges, shared or each example's own.
    return task.format() instanceof LabelingFormat
        ? Support.yes()
        : Support.no("labels the nodes of a constraint graph; this task is " + task.format().describe());
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    LabelingFormat format = (LabelingFormat) context.task().format();
    return new MessageMlp(context.task(), format.labels(), new MessageMlp.Settings(context.config().getInt(HIDDEN),
        context.config().getInt(ROUNDS), context.config().getInt(UPDATES), context.config().getInt(BATCH_SIZE),
        context.config().getDouble(LEARNING_RATE)), context.seed(), context.device());
  }
}
