package dev.reckon.plugins.trm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;
import dev.reckon.kit.StackedEmbeddings;
import dev.reckon.kit.StackedLinear;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny recursive model's one network (Jolicoeur-Martineau 2025, "Less is More: Recursive
 * Reasoning with Tiny Networks"): a puzzle is a sequence of L cell tokens (the given label, 0 for a
 * blank) embedded with a position a cell into x; one small stack of {@link MixerLayer}s, {@code
 * net}, refines a latent z and an answer y, and a linear output head reads labels out of y.
 *
 * <p>One recursion process ({@link #forward}, {@link #recurse}): {@code z <- net(x + y + z)} n
 * times, then {@code y <- net(y + z)}; the same net does both, the presence of x telling it which.
 *
 * <p>The paper's MLP variant has no position encoding (its map across the cells tells them apart);
 * a learned position vector a cell is added here all the same, at the cost of a table of L x H.
 *
 * <p>The network holds K seeds' weights at once ({@link SeedAxis}), every weight stacked {@code (K,
 * ...)} and every array led by the seed axis, slice k computed from seed k's weights alone: K
 * seeds train in the engine calls of one. A model of its own is K = 1.
 *
 * <ul>
 *   <li>{@link #embed}: givens {@code [K, B, L]} int64 to x {@code [K, B, L, H]}
 *   <li>{@link #forward}: x, y, z, each {@code [K, B, L, H]}, to the next y and z
 *   <li>{@link #readOut}: y to logits {@code [K, B, L, labels]}
 * </ul>
 */
final class TinyRecursiveNetwork extends AbstractBlock {
  private final int seeds;
  private final int cells;
  private final int hidden;
  private final int latentSteps;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final List<MixerLayer> layers = new ArrayList<>();
  private final StackedLinear outputHead;

  /**
   * @param axis the seeds, one slice of weights each
   * @param cells L, the cells of every puzzle
   * @param labels the labels a cell takes; the tokens are these and the blank
   * @param settings the network's sizes and n
   */
  TinyRecursiveNetwork(SeedAxis axis, int cells, int labels, Settings settings) {
    this.seeds = axis.size();
    this.cells = cells;
    this.hidden = settings.get(TrmSettings.HIDDEN);
    this.latentSteps = settings.get(TrmSettings.LATENT_STEPS);
    tokenEmbedding = addParameter(StackedEmbeddings.tokenTable(axis, "tokenEmbedding", labels + 1, hidden));
    positionEmbedding = addParameter(StackedEmbeddings.positionTable(axis, "positionEmbedding", cells, hidden));
    for (int i = 0; i < settings.get(TrmSettings.LAYERS); i++) {
      layers.add(addChildBlock("layer" + i,
          new MixerLayer(axis, cells, hidden, settings.get(TrmSettings.EXPANSION))));
    }
    outputHead = addChildBlock("outputHead", new StackedLinear(axis, hidden, labels, false));
  }

  /**
   * x: each cell's token and position embedding, scaled by {@code sqrt(H)} as the paper does, so
   * that x weighs in the sums with y and z (RMS-normalised to 1 an entry) from the first update.
   * In the givens' manager.
   *
   * <p>Seed k's tokens are looked up in its own rows of the K tables laid end to end (its ids
   * offset by k tables), as {@link StackedEmbeddings#lookup} does, but through the engine's
   * embedding op, whose backward pass the learning figures of TrmModelTest were measured with; the
   * tables' views go to the givens' manager ({@link SeedAxis#inScopeOf}).
   */
  NDArray embed(ParameterStore store, NDArray givens, boolean training) {
    NDManager scope = givens.getManager();
    NDArray tables = store.getValue(tokenEmbedding, givens.getDevice(), training);
    long rows = tables.getShape().get(1);
    NDArray offsets = scope.arange(0, (int) (seeds * rows), (int) rows, givens.getDataType()).reshape(seeds, 1, 1);
    NDArray tokens = Embedding.embedding(givens.add(offsets),
        SeedAxis.inScopeOf(givens, tables.reshape(seeds * rows, hidden)), SparseFormat.DENSE).head();
    NDArray positions = SeedAxis.inScopeOf(givens,
        store.getValue(positionEmbedding, givens.getDevice(), training).reshape(seeds, 1, cells, hidden));
    return tokens.add(positions).mul(scope.full(new Shape(), (float) Math.sqrt(hidden)));
  }

  /** The state before the first supervision step, for {@code batch} puzzles a seed, owned by {@code manager}. */
  RecursionState start(NDManager manager, int batch) {
    return RecursionState.start(manager, new Shape(seeds, batch, cells, hidden));
  }

  /** One recursion process from {@code state}, x being {@code x}. */
  RecursionState recurse(ParameterStore store, NDArray x, RecursionState state, boolean training) {
    NDList next = forward(store, new NDList(x, state.answer(), state.latent()), training);
    return new RecursionState(next.get(0), next.get(1));
  }

  /** The output head: y {@code [K, B, L, H]} to logits {@code [K, B, L, labels]}. */
  NDArray readOut(ParameterStore store, NDArray answer, boolean training) {
    return outputHead.apply(store, answer, training);
  }

  /** x, y, z to y, z after one recursion process. */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray answer = inputs.get(1);
    NDArray latent = inputs.get(2);
    for (int step = 0; step < latentSteps; step++) {
      latent = net(store, latent.add(answer).add(x), training);
    }
    answer = net(store, answer.add(latent), training);
    return new NDList(answer, latent);
  }

  private NDArray net(ParameterStore store, NDArray h, boolean training) {
    for (MixerLayer layer : layers) {
      h = layer.apply(store, h, training);
    }
    return h;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[1], inputShapes[2]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape sequence = new Shape(seeds, 1, cells, hidden);
    for (MixerLayer layer : layers) {
      layer.initialize(manager, dataType, sequence);
    }
    outputHead.initialize(manager, dataType, sequence);
  }
}
