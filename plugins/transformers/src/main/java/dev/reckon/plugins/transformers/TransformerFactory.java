package dev.reckon.plugins.transformers;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;

/**
 * One transformer variant: a plain stack of two sizes, or untied base layers under one weight-tied
 * layer applied T times. The defaults are sized for a two-core CPU; the recurrent variant has the
 * small stack's width, and its T = 4 applications make its forward pass cost more than the small
 * stack's and less than the large one's (see {@link TransformerFlops}).
 */
final class TransformerFactory implements ModelFactory {
  private final String id;
  private final String description;
  private final List<Setting> settings;
  private final boolean recurrent;

  private TransformerFactory(String id, String description, List<Setting> settings, boolean recurrent) {
    this.id = requireNonNull(id, "id is null");
    this.description = requireNonNull(description, "description is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.recurrent = recurrent;
  }

  static TransformerFactory small() {
    return new TransformerFactory("transformer-small", "2 transformer layers of width 32, answer slots",
        TransformerSettings.declare(2, 32, 4, 64, 0, 2000, 32, 1e-3), false);
  }

  static TransformerFactory large() {
    return new TransformerFactory("transformer-large", "4 transformer layers of width 64, answer slots",
        TransformerSettings.declare(4, 64, 4, 128, 0, 2000, 32, 1e-3), false);
  }

  static TransformerFactory recurrent() {
    return new TransformerFactory("recurrent-transformer",
        "1 transformer layer of width 32, then one weight-tied layer applied T = 4 times with the loss after each,"
            + " evaluated up to 4T",
        TransformerSettings.declare(1, 32, 4, 64, 4, 2000, 32, 1e-3), true);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String version() {
    return TransformersPlugin.VERSION;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<Setting> settings() {
    return settings;
  }

  @Override
  public Support supports(Task task) {
    if (task.format() instanceof SequenceFormat) {
      return Support.yes();
    }
    return Support.no(id + " reads and writes token sequences; this task's format is " + task.format().id());
  }

  @Override
  public String iterationMeaning() {
    return recurrent ? "one application of the weight-tied top layer" : "one forward pass (the stack does not iterate)";
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    return new TransformerModel(id, context);
  }
}
