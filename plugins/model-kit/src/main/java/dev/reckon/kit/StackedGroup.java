package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Block;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.TrainingLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A {@link SeedGroup} of a model built on the kit: one {@link NetworkModel} whose network stacks K
 * seeds ({@link SeedAxis}) trains them all; each seed's member is a model of its own seed, its
 * weights copied from the seed's slice whenever it predicts or saves, so that evaluation, the
 * checkpoint and the parameter count are those of a model trained alone.
 *
 * @param <N> the network
 * @param <M> the model
 */
public final class StackedGroup<N extends Block, M extends NetworkModel<N>> implements SeedGroup {
  private final M group;
  private final List<M> singles;

  private StackedGroup(M group, List<M> singles) {
    this.group = group;
    this.singles = singles;
  }

  /**
   * The group of {@code contexts}: {@code stacked} makes the model of all the seeds, {@code single}
   * one seed's (a factory's {@code create}). Empty when the seeds' tasks differ in format (a map of
   * cities per seed whose longest path differs, say): one network reads one layout, and a seed
   * built for another's layout would not be the model it is alone; the runner then trains them one
   * by one.
   */
  public static <N extends Block, M extends NetworkModel<N>> Optional<SeedGroup> of(List<ModelContext> contexts,
      Function<List<ModelContext>, M> stacked, Function<ModelContext, M> single) {
    requireNonNull(contexts, "contexts is null");
    if (contexts.stream().map(context -> context.task().format()).distinct().count() > 1) {
      return Optional.empty();
    }
    return Optional.of(new StackedGroup<>(stacked.apply(contexts), contexts.stream().map(single).toList()));
  }

  @Override
  public void train(List<Dataset> training, List<TrainingLog> logs) {
    if (training.size() != singles.size() || logs.size() != singles.size()) {
      throw new IllegalArgumentException("a group of " + singles.size() + " seeds trains on as many training sets and "
          + "logs, not " + training.size() + " and " + logs.size());
    }
    group.train(training, logs);
  }

  @Override
  public Model member(int i) {
    return new Member(i);
  }

  @Override
  public void close() {
    singles.forEach(NetworkModel::close);
    group.close();
  }

  /** Seed i's model: the group's slice i, copied into a model of that seed alone before it is read. */
  private final class Member implements Model {
    private final int slice;

    Member(int slice) {
      this.slice = slice;
    }

    private M synced() {
      M single = singles.get(slice);
      single.copySlice(group, slice);
      return single;
    }

    @Override
    public Predictions predict(Dataset inputs) {
      return synced().predict(inputs);
    }

    @Override
    public OptionalInt trainedIterations() {
      return singles.get(slice).trainedIterations();
    }

    @Override
    public long parameterCount() {
      return group.built() ? synced().parameterCount() : 0;
    }

    @Override
    public Optional<float[][]> tokenEmbeddings() {
      return synced().tokenEmbeddings();
    }

    @Override
    public void save(Path directory) throws IOException {
      synced().save(directory);
    }

    @Override
    public void load(Path directory) throws IOException {
      throw new UnsupportedOperationException("a seed of a group is trained, not loaded: load into a model of its own");
    }
  }
}
