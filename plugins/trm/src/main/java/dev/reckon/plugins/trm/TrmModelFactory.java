package dev.reckon.plugins.trm;

import dev.reckon.api.LabelingFormat;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.LearningModelFactory;
import dev.reckon.kit.StackedGroup;
import java.util.List;
import java.util.Optional;

/**
 * Makes the tiny recursive model {@code trm} for labelling tasks whose examples share one graph:
 * it is built for that graph's number of nodes (cells), read as a sequence.
 */
public final class TrmModelFactory extends LearningModelFactory {
  public TrmModelFactory() {
    // Version 2: first weights from each seed's own stream (seeds trained as one network).
    super(TrmModel.ID, "2", "tiny recursive model (Jolicoeur-Martineau 2025): one 2-layer MLP-mixer over the cells"
        + " refines a latent z n times from the puzzle x and the answer y, then y from z, T times a supervision step;"
        + " trained with deep supervision; never told the graph's groups",
        "one supervision step: T recursion processes, each n latent updates and one answer update",
        TrmSettings.DECLARATIONS);
  }

  /** A labelling task on one shared graph; graphs per example and other formats are declined, with the reason. */
  @Override
  public Support supports(Task task) {
    if (!(task.format() instanceof LabelingFormat labeling)) {
      return Support.no(id() + " labels the nodes of a graph; this task's format is " + task.format().id());
    }
    if (labeling.graphs() != LabelingFormat.Graphs.SHARED) {
      return Support.no(id() + " builds its network for one shared graph; this task has a graph per example");
    }
    return Support.yes();
  }

  @Override
  public Model create(ModelContext context) {
    return new TrmModel(context);
  }

  /** The seeds trained at once, as one network with a leading seed axis. */
  @Override
  public Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return StackedGroup.of(contexts, TrmModel::new, TrmModel::new);
  }
}
