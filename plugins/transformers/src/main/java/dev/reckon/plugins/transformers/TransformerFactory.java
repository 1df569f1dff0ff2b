package dev.reckon.plugins.transformers;

import dev.reckon.api.Config;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.LearningModelFactory;
import dev.reckon.kit.Settings;
import dev.reckon.kit.StackedGroup;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One transformer variant: a plain stack of two sizes, or untied base layers under one weight-tied
 * layer applied T times. The defaults are sized for a two-core CPU; the recurrent variant has the
 * small stack's width, and its T = 4 applications make its forward pass cost more than the small
 * stack's and less than the large one's (see {@link TransformerFlops}).
 */
final class TransformerFactory extends LearningModelFactory {
  private static final String STACK_ITERATION = "one forward pass (the stack does not iterate)";

  /**
   * The row a planning estimate assumes, since the task's is not known then: 8 input tokens, 8
   * answer slots, 16 tokens (the default suite's sorting rows have 13 positions, copy's up to 15).
   */
  static final SlotLayout PLANNING_LAYOUT = new SlotLayout(16, 8, 8);

  private TransformerFactory(String id, String description, String iterationMeaning, Declarations declarations) {
    super(id, TransformersPlugin.VERSION, description, iterationMeaning, declarations);
  }

  static TransformerFactory small() {
    return new TransformerFactory("transformer-small", "2 transformer layers of width 32, answer slots",
        STACK_ITERATION, TransformerSettings.SMALL);
  }

  static TransformerFactory large() {
    return new TransformerFactory("transformer-large", "4 transformer layers of width 64, answer slots",
        STACK_ITERATION, TransformerSettings.LARGE);
  }

  static TransformerFactory recurrent() {
    return new TransformerFactory("recurrent-transformer",
        "1 transformer layer of width 32, then one weight-tied layer applied T = 4 times with the loss after each,"
            + " evaluated up to 4T",
        "one application of the weight-tied top layer", TransformerSettings.RECURRENT);
  }

  @Override
  public Support supports(Task task) {
    if (task.format() instanceof SequenceFormat) {
      return Support.yes();
    }
    return Support.no(id() + " reads and writes token sequences; this task's format is " + task.format().id());
  }

  /**
   * The updates times the batch size; at a {@code trainingFlops} budget, the examples it buys at
   * this variant's training FLOPs per example on a {@link #PLANNING_LAYOUT} row, so that a larger
   * budget plans as a longer cell and a larger network as fewer examples.
   */
  @Override
  public OptionalLong trainingWork(Config config) {
    Settings settings = declarations().read(config);
    double trainingFlops = settings.get(TransformerSettings.TRAINING_FLOPS);
    if (trainingFlops == 0) {
      return super.trainingWork(config);
    }
    return OptionalLong.of((long) Math.ceil(
        trainingFlops / new TransformerFlops(PLANNING_LAYOUT, settings).trainingExample()));
  }

  @Override
  public Model create(ModelContext context) {
    return model(List.of(context));
  }

  /** The seeds of {@code contexts} trained at once as one network ({@link StackedGroup}). */
  @Override
  public Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return StackedGroup.of(contexts, this::model, context -> model(List.of(context)));
  }

  /** The model of these seeds' contexts: one for a model of its own, K for a group. */
  private TransformerModel model(List<ModelContext> contexts) {
    return new TransformerModel(id(), declarations(), contexts);
  }
}
