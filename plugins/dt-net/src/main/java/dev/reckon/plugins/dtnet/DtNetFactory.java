package dev.reckon.plugins.dtnet;

import dev.reckon.api.GridFormat;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.kit.LearningModelFactory;
import dev.reckon.kit.StackedGroup;
import java.util.List;
import java.util.Optional;

/**
 * One deep thinking variant: with or without recall, and the progressive loss's default weight.
 * The three are the ablation of Bansal et al. (2022): their DT-Net (recall and the progressive
 * loss), recall alone, and neither (Schwarzschild et al.'s 2021 network).
 */
final class DtNetFactory extends LearningModelFactory {
  /**
   * The progressive loss's weight of the DT-Net variant. Bansal et al. used 1 on prefix sums and
   * 0.01 on mazes; one id needs one. At CPU scale (width 16, m 8, 300 updates on 8-bit strings)
   * 0.01, 0.5 and 1 had 3%, 10% and 9% of held-out strings exactly right at m: the middle it is.
   */
  static final double PROGRESSIVE_ALPHA = 0.5;

  private final boolean recall;

  private DtNetFactory(String id, String description, boolean recall, double alpha) {
    super(id, DtNetPlugin.VERSION, description, "one pass of the weight-tied recurrent block",
        DtNetSettings.declarations(alpha));
    this.recall = recall;
  }

  static DtNetFactory recallProgressive() {
    return new DtNetFactory("dt-net-recall-progressive", "deep thinking network with recall (the input read again at"
        + " every pass) trained with the progressive loss (Bansal et al. 2022's DT-Net)", true, PROGRESSIVE_ALPHA);
  }

  static DtNetFactory recall() {
    return new DtNetFactory("dt-net-recall", "deep thinking network with recall, trained with the loss after m passes"
        + " only", true, 0);
  }

  static DtNetFactory plain() {
    return new DtNetFactory("dt-net-plain", "deep thinking network without recall, trained with the loss after m"
        + " passes (Schwarzschild et al. 2021)", false, 0);
  }

  @Override
  public Support supports(Task task) {
    if (task.format() instanceof GridFormat) {
      return Support.yes();
    }
    return Support.no(id() + " convolves grids of cells (the grid format); this task's format is "
        + task.format().id());
  }

  @Override
  public DtNetModel create(ModelContext context) {
    return new DtNetModel(id(), declarations(), recall, context);
  }

  /** The seeds trained as one network of K seeds, each seed's member a model of its own. */
  @Override
  public Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return StackedGroup.of(contexts, group -> new DtNetModel(id(), declarations(), recall, group),
        this::create);
  }
}
