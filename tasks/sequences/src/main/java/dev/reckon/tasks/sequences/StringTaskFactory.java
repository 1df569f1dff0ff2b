package dev.reckon.tasks.sequences;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Setting;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;

/** A string task ({@code sorting}, {@code copy} or {@code reverse}) with setting {@code vocabulary}. */
final class StringTaskFactory implements TaskFactory {
  static final String VOCABULARY = "vocabulary";

  private final Rearrangement rearrangement;

  StringTaskFactory(Rearrangement rearrangement) {
    this.rearrangement = requireNonNull(rearrangement, "rearrangement is null");
  }

  @Override
  public String id() {
    return rearrangement.taskId();
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "a string of random tokens in, " + rearrangement.meaning() + " out; levels by length (n8), and nA-B, "
        + "lengths A to B mixed, to train on";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.integer(VOCABULARY, 10, "distinct tokens a string is drawn from"));
  }

  @Override
  public StringTask create(TaskContext context) {
    return new StringTask(rearrangement, context.config().getInt(VOCABULARY));
  }
}
