package dev.reckon.plugins.trm;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import java.util.List;

/**
 * Makes the tiny recursive model {@code trm} for labelling tasks whose examples share one graph:
 * it is built for that graph's number of nodes (cells), read as a sequence.
 */
public final class TrmModelFactory implements ModelFactory {
  @Override
  public String id() {
    return TrmModel.ID;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "tiny recursive model (Jolicoeur-Martineau 2025): one 2-layer MLP-mixer over the cells refines a latent z"
        + " n times from the puzzle x and the answer y, then y from z, T times a supervision step; trained with deep"
        + " supervision; never told the graph's groups";
  }

  @Override
  public List<Setting> settings() {
    return TrmSettings.DECLARED;
  }

  /** A labelling task on one shared graph; graphs per example and other formats are declined, with the reason. */
  @Override
  public Support supports(Task task) {
    return GraphNetworkModel.support(TrmModel.ID, task.format());
  }

  @Override
  public String iterationMeaning() {
    return "one supervision step: T recursion processes, each n latent updates and one answer update";
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    requireNonNull(context, "context is null");
    return new TrmModel(TrmSettings.from(context.config()), context.seed(), context.device());
  }
}
