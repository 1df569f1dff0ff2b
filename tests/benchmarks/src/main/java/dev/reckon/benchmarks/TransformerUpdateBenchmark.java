package dev.reckon.benchmarks;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.Task;
import dev.reckon.plugins.transformers.TransformersPlugin;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Training updates of each transformer variant at its default size on a sorting task's shape (16
 * tokens over 10 in, 16 out: rows of L = 33; 1000 training rows a seed), K seeds trained at once as
 * one network through the plugin's own group ({@code createGroup}), beside the 512 x 512 matrix
 * product on the same engine ({@link ModelCell}). One invocation creates a group and trains {@value
 * #UPDATES} updates (the first initialises the weights and Adam's state): the score / {@value
 * #UPDATES} is the time of an update of all K seeds; K = 3 against K = 1 is what a seed costs once
 * stacked. The set-up prints one seed's FLOPs an update as its own {@code training_flops} curve
 * counts them (the plugin's TransformerFlops); GFLOP/s = K x FLOPs an update / the time of an
 * update. The matrix product is 2 x 512^3 = 268 MFLOP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class TransformerUpdateBenchmark extends ModelCell {
  static final int UPDATES = 10;
  private static final SequenceFormat FORMAT = new SequenceFormat(10, 16, 16);

  @Param({"transformer-small", "transformer-large", "recurrent-transformer"})
  public String variant;

  /** K, the seeds trained at once. */
  @Param({"1", "3"})
  public int seeds;

  @Setup(Level.Trial)
  public void setUp() {
    ModelFactory factory = new TransformersPlugin().models().stream().filter(model -> model.id().equals(variant))
        .findFirst().orElseThrow();
    Task task = (Task) Proxy.newProxyInstance(Task.class.getClassLoader(), new Class<?>[] {Task.class},
        (proxy, method, args) -> FORMAT);
    List<Dataset> training = LongStream.rangeClosed(1, seeds).mapToObj(seed -> (Dataset) sorting(1000, seed))
        .toList();
    openCell(variant, factory, task, Config.resolve(factory.settings(), Map.of("updates", UPDATES, "logEvery",
        UPDATES)), training);
  }

  /** {@code count} rows of seed {@code seed}'s sorting set. */
  private static SequenceDataset sorting(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] inputs = new int[count][];
    int[][] targets = new int[count][];
    for (int i = 0; i < count; i++) {
      inputs[i] = random.ints(16, 0, 10).toArray();
      targets[i] = inputs[i].clone();
      Arrays.sort(targets[i]);
    }
    return new SequenceDataset(10, 16, inputs, targets);
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
