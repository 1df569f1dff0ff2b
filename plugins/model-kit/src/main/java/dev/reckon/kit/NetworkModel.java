package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.TrainingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The life cycle of a model built on one DJL network, written once: the settings read from the
 * cell's config against the model's {@link Declarations}; the network built when the data is first
 * seen (by training or by {@link #load}) for the data's <em>shape</em> (what the network's sizes
 * depend on: a graph, a grid's channels, a vocabulary), its weights initialised from the seed;
 * the checkpoint; the parameter count; and {@link #close}, which frees every array.
 *
 * <p>A checkpoint directory holds three files, named after the model's id:
 *
 * <ul>
 *   <li>{@code <id>-settings.json}: the settings as flat JSON ({@link Settings#toJson});
 *   <li>{@code <id>-shape.json}: the shape as flat JSON;
 *   <li>{@code <id>-parameters.bin}: the weights in DJL's block parameter format ({@link BlockWeights}).
 * </ul>
 *
 * <p>A subclass says how a shape becomes a network ({@link #newNetwork}), builds it with {@link
 * #build} at its first training data, and trains in a {@link TrainingLoop}.
 *
 * @param <N> the network
 */
public abstract class NetworkModel<N extends Block> implements Model {
  protected final String id;
  /** The seeds of the network's slices: one for a model of its own, K for a {@link StackedGroup}'s. */
  protected final SeedAxis seeds;
  /** The first seed: a model of its own's seed. */
  protected final long seed;
  protected final NDManager manager;
  private final Declarations declarations;
  protected Settings settings;
  protected N network;
  protected ParameterStore store;
  private Map<String, Object> shape;
  private DataType type;
  private Shape[] inputShapes;

  /**
   * @param id the model's id, in messages and checkpoint file names
   * @param declarations the settings the model reads
   * @param context the cell's config, seed and device
   */
  protected NetworkModel(String id, Declarations declarations, ModelContext context) {
    this(id, declarations, List.of(requireNonNull(context, "context is null")));
  }

  /**
   * A network of one slice per context, trained at once ({@link StackedGroup}): the contexts share
   * the settings, device and task format and differ in the seed (and in the task's own seed: a map
   * of cities per seed, say, of one format; {@link StackedGroup#of} sees to the format).
   */
  protected NetworkModel(String id, Declarations declarations, List<ModelContext> contexts) {
    this.id = requireNonNull(id, "id is null");
    this.declarations = requireNonNull(declarations, "declarations is null");
    ModelContext first = contexts.get(0);
    for (ModelContext context : contexts) {
      if (!context.config().asMap().equals(first.config().asMap()) || !context.device().equals(first.device())) {
        throw new IllegalArgumentException(id + " trains seeds together only with one config on one device");
      }
    }
    this.settings = declarations.read(first.config());
    this.seeds = new SeedAxis(contexts.stream().mapToLong(ModelContext::seed).toArray());
    this.seed = seeds.seed(0);
    this.manager = NDManager.newBaseManager(Device.fromName(first.device()));
  }

  /**
   * The network for data of {@code shape} (what {@link #build} was given, or a checkpoint's), sized
   * by {@link #settings}, its constants owned by {@link #manager}.
   */
  protected abstract N newNetwork(Config shape);

  /**
   * Builds the network for {@code dataShape} and initialises its weights of {@code type} for
   * inputs of {@code inputShapes}, the engine's generator seeded with {@code engineSeed} first.
   *
   * @throws IllegalStateException when the network is built already
   */
  protected final void build(Map<String, ?> dataShape, int engineSeed, DataType type, Shape... inputShapes) {
    create(dataShape);
    manager.getEngine().setRandomSeed(engineSeed);
    network.initialize(manager, type, inputShapes);
    store = new ParameterStore(manager, false);
    this.type = type;
    this.inputShapes = inputShapes.clone();
  }

  /**
   * Makes this model of one seed slice {@code k} of {@code group}'s network: built for the group's
   * shape the first time (its inputs' seed axis 1), then every weight copied from the slice.
   */
  final void copySlice(NetworkModel<N> group, int k) {
    group.requireBuilt("lends a seed's weights");
    if (network == null) {
      create(group.shape);
      Shape[] single = Arrays.stream(group.inputShapes)
          .map(input -> new Shape(1).addAll(input.slice(1)))
          .toArray(Shape[]::new);
      network.initialize(manager, group.type, single);
      store = new ParameterStore(manager, false);
      type = group.type;
      inputShapes = single;
    }
    Iterator<Parameter> from = group.network.getParameters().values().iterator();
    for (Parameter to : network.getParameters().values()) {
      NDArray slice = from.next().getArray().get(new NDIndex("{}:{}", k, k + 1));
      to.getArray().set(slice.toByteBuffer());
      slice.close();
    }
  }

  /** Trains alone: {@link #train(List, List)} with one training set and one log. */
  @Override
  public void train(Dataset training, TrainingLog log) {
    train(List.of(training), List.of(log));
  }

  /**
   * Trains seed k's slice on {@code training.get(k)}, its curves to {@code logs.get(k)}: what a
   * model that stacks seeds ({@link StackedGroup}) overrides. A model that trains its seeds one by
   * one overrides {@link #train(Dataset, TrainingLog)} instead.
   */
  protected void train(List<Dataset> training, List<TrainingLog> logs) {
    throw new UnsupportedOperationException(id + " trains its seeds one by one");
  }

  /** Whether the network is built, by training or loading. */
  protected final boolean built() {
    return network != null;
  }

  /** The shape the network was built for. */
  protected final Config shape() {
    requireBuilt("has no shape");
    return new Config(shape);
  }

  /** Throws unless the network is built: {@code "<id> <what> only after train or load"}. */
  protected final void requireBuilt(String what) {
    if (network == null) {
      throw new IllegalStateException(id + " " + what + " only after train or load");
    }
  }

  /** The number of trainable weights, 0 before the network is built. */
  @Override
  public long parameterCount() {
    return network == null ? 0 : BlockWeights.count(network);
  }

  @Override
  public void save(Path directory) throws IOException {
    requireBuilt("saves");
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(settingsFile()), settings.toJson(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(shapeFile()), FlatJson.write(shape), StandardCharsets.UTF_8);
    BlockWeights.save(network, directory.resolve(parametersFile()));
  }

  /** Replaces this model's settings, shape and weights by the checkpoint's. */
  @Override
  public void load(Path directory) throws IOException {
    Settings saved = declarations.fromJson(Files.readString(directory.resolve(settingsFile()), StandardCharsets.UTF_8));
    Config savedShape = FlatJson.read(Files.readString(directory.resolve(shapeFile()), StandardCharsets.UTF_8));
    settings = saved;
    create(savedShape.asMap());
    BlockWeights.load(network, manager, directory.resolve(parametersFile()), id);
    store = new ParameterStore(manager, false);
  }

  /** Frees every array the model holds: weights, optimiser state, constants. */
  @Override
  public void close() {
    network = null;
    store = null;
    manager.close();
  }

  /** The model's long-lived manager; tests watch it to see that training memory stays flat. */
  public NDManager manager() {
    return manager;
  }

  private void create(Map<String, ?> dataShape) {
    if (network != null) {
      throw new IllegalStateException(id + " is already built; load a checkpoint into a fresh model");
    }
    shape = new LinkedHashMap<>(dataShape);
    network = newNetwork(new Config(shape));
  }

  private String settingsFile() {
    return id + "-settings.json";
  }

  private String shapeFile() {
    return id + "-shape.json";
  }

  private String parametersFile() {
    return id + "-parameters.bin";
  }
}
