package org.example.messages;

import dev.reckon.api.LabelingFormat;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.LearningModelFactory;

/** Makes the model for each cell of a run, and says which tasks it can do before any data is made. */
final class MessageMlpFactory extends LearningModelFactory {
  MessageMlpFactory() {
    super(MessageMlp.ID, "1", "a small message-passing network on DJL: each node's belief over the labels, updated "
        + "from its neighbours' by one shared MLP, round after round", "one message-passing round",
        MessageMlpSettings.DECLARATIONS);
  }

  @Override
  public Support supports(Task task) {
    // It passes messages along the constraint graph's edges, shared or each example's own.
    return task.format() instanceof LabelingFormat
        ? Support.yes()
        : Support.no("labels the nodes of a constraint graph; this task is " + task.format().describe());
  }

  @Override
  public Model create(ModelContext context) {
    return new MessageMlp(context);
  }
}
