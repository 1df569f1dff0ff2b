package dev.reckon.benchmarks;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.plugins.retrieval.RetrievalPlugin;
import dev.reckon.tasks.setgame.SetGamePlugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training updates of the d=27 dual encoder and the cross-encoder at their default sizes (width
 * 64, 4 heads, feed-forward 128; 2 layers and batch 64, 1 layer and batch 16) on the default
 * suite's SET game cell (set-27, level set, 2000 training queries a seed), K seeds trained at once
 * as one network through the plugin's own group ({@code createGroup}), beside the 512 x 512 matrix
 * product on the same engine ({@link ModelCell}). One invocation creates a group and trains
 * {@value #UPDATES} updates (the first initialises the weights and Adam's state): the score /
 * {@value #UPDATES} is the time of an update of all K seeds; K = 3 against K = 1 is what a seed
 * costs once stacked. The set-up prints one seed's FLOPs an update (the plugin's RetrievalFlops).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class RetrievalUpdateBenchmark extends ModelCell {
  static final int UPDATES = 10;
  /** The default suite's set-27 entry: its training level and size a seed. */
  private static final String TRAINING_LEVEL = "set";
  private static final int TRAINING_SIZE = 2000;

  @Param({"contrastive-d27", "cross-encoder"})
  public String variant;

  /** K, the seeds trained at once. */
  @Param({"1", "3"})
  public int seeds;

  @Setup(Level.Trial)
  public void setUp() {
    ModelFactory factory = new RetrievalPlugin().models().stream().filter(model -> model.id().equals(variant))
        .findFirst().orElseThrow();
    TaskFactory games = new SetGamePlugin().tasks().stream().filter(game -> game.id().equals("set-27"))
        .findFirst().orElseThrow();
    Task task = games.create(new TaskContext(Config.resolve(games.settings(), Map.of()), 1));
    dev.reckon.api.Level level = task.levels().stream().filter(each -> each.id().equals(TRAINING_LEVEL))
        .findFirst().orElseThrow();
    List<Dataset> training = LongStream.rangeClosed(1, seeds)
        .mapToObj(seed -> (Dataset) task.generate(level, TRAINING_SIZE, seed)).toList();
    openCell(variant, factory, task, Config.resolve(factory.settings(), Map.of("updates", UPDATES, "logEvery",
        UPDATES)), training);
  }

  /** A fresh group of K seeds trained {@value #UPDATES} updates at the variant's default size. */
  @Benchmark
  public int trainingUpdates() {
    return trainFreshGroup();
  }

  /** A 512 x 512 by 512 x 512 float product. */
  @Benchmark
  public float matmul512() {
    return product();
  }
}
