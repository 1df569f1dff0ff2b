package dev.reckon.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.plugins.dtnet.DtNetPlugin;
import dev.reckon.tasks.grids.GridsPlugin;
import java.util.Locale;
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
 * Training updates of each DT-Net variant on the default suite's prefix-sums cell (width 32, m =
 * 8 passes, batch 32, learning rate 0.01; 8-bit strings, level n8), through the plugin's own group
 * training ({@code createGroup}), beside the 512 x 512 matrix product on the same engine, and the
 * recall convolution alone in float64, float32, and float32 padded as the plugin convolves it
 * ({@link RecallConvolution}).
 *
 * <p>One invocation of {@link #trainingUpdates} creates a group of {@link PrefixSumsCell#seeds}
 * seeds, one network whose convolutions are grouped by seed, and trains {@value #UPDATES} updates
 * (the first initialises the weights and Adam's state; the last also reads the batch's accuracy
 * out, one forward pass of m passes): the score / {@value #UPDATES} is the time of an update of all
 * the seeds, and the score at 3 seeds over the score at 1 is what training them together costs (3
 * would save nothing). The set-up prints seed 1's FLOPs an update as its own {@code training_flops}
 * curve counts them (the plugin's DtNetFlops), the mean over the same {@value #UPDATES} updates an
 * invocation trains (the progressive variant draws each seed's pass counts from the seed, so every
 * invocation does the same work; a group runs its passes to the largest of its seeds' counts);
 * GFLOP/s = seeds x FLOPs an update / the time of an update. The matrix product is 2 x 512^3 = 268
 * MFLOP.
 *
 * <p>The benchmarks take their states as arguments, so that the convolution runs once a shape and
 * type rather than once a variant.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class DtNetUpdateBenchmark {
  static final int UPDATES = 10;

  /** A fresh group of {@link PrefixSumsCell#seeds} seeds trained {@value #UPDATES} updates at the suite's settings. */
  @Benchmark
  public int trainingUpdates(PrefixSumsCell cell) {
    return cell.trainFreshGroup();
  }

  /** A 512 x 512 by 512 x 512 float product. */
  @Benchmark
  public float matmul512(PrefixSumsCell cell) {
    return cell.product();
  }

  /** One forward recall convolution. */
  @Benchmark
  public NDArray recallConvolution(RecallConvolution convolution) {
    convolution.input.tempAttach(convolution.invocation);
    return Conv2d.conv2d(convolution.input, convolution.kernel, null, new Shape(1, 1), convolution.padding).head();
  }

  /** A variant on the default suite's prefix-sums cell: its training level and size, and its model settings. */
  @State(Scope.Benchmark)
  public static class PrefixSumsCell extends ModelCell {
    private static final String TRAINING_LEVEL = "n8";
    private static final int TRAINING_SIZE = 5000;

    @Param({"dt-net-recall-progressive", "dt-net-recall", "dt-net-plain"})
    public String variant;

    /** K, the seeds trained at once; each seed samples its own batches from its own training set. */
    @Param({"1", "3"})
    public int seeds;

    @Setup(Level.Trial)
    public void setUp() {
      TaskFactory prefixSums = new GridsPlugin().tasks().stream()
          .filter(candidate -> candidate.id().equals("prefix-sums")).findFirst().orElseThrow();
      Task task = prefixSums.create(new TaskContext(Config.resolve(prefixSums.settings(), Map.of()), 1));
      ModelFactory factory = new DtNetPlugin().models().stream().filter(model -> model.id().equals(variant))
          .findFirst().orElseThrow();
      openCell(variant, factory, task, Config.resolve(factory.settings(), Map.of("width", 32, "trainedIterations",
          8, "batchSize", 32, "learningRate", 0.01, "updates", UPDATES, "logEvery", UPDATES, "evalEvery", UPDATES)),
          LongStream.rangeClosed(1, seeds)
              .mapToObj(seed -> (Dataset) task.generate(task.level(TRAINING_LEVEL), TRAINING_SIZE, seed)).toList());
    }
  }

  /**
   * The recall convolution's shape at width 32 on a one-channel grid: batch 32, 33 channels in
   * (the state and the input) to 32 out, stride 1, zero-padded to keep the grid's size, no bias;
   * the kernel the plugin's GridConvolution gives the grid (1 x 3 on a string, 3 x 3 on rows and
   * columns). The plugin computed in float64 on a CPU while the engine's float32 convolution
   * (oneDNN, PyTorch 2.5.1, on AVX-512 machines) summed inputs of more than 16 channels not a
   * multiple of 16 wrongly; it computes in float32 now, such inputs padded with zero channels to a
   * multiple of 16 (GridConvolution). Timing both types of the same convolution in one run gives
   * float64's price; {@code float32-padded} convolves 48 channels, the last 15 zeros, as the plugin
   * does (its pads, one of the input and one of the weight a pass, not timed here).
   */
  @State(Scope.Benchmark)
  public static class RecallConvolution extends EngineBenchmark {
    private static final int BATCH = 32;
    private static final int WIDTH = 32;
    private static final int CHANNELS_IN = WIDTH + 1;
    private static final int PADDED_CHANNELS_IN = 48;

    /** A string of 8 bits (the prefix-sums training level) or a 9 x 9 grid. */
    @Param({"1x8", "9x9"})
    public String grid;

    /** The plugin's type before (float64) and after (float32, padded), and the raw float32 convolution. */
    @Param({"float64", "float32", "float32-padded"})
    public String type;

    private NDArray input;
    private NDArray kernel;
    private Shape padding;

    @Setup(Level.Trial)
    public void setUp() {
      openEngine(1);
      String[] sides = grid.split("x");
      int rows = Integer.parseInt(sides[0]);
      int columns = Integer.parseInt(sides[1]);
      int kernelRows = rows == 1 ? 1 : 3;
      DataType dataType = DataType.valueOf(type.replace("-padded", "").toUpperCase(Locale.ROOT));
      input = manager.randomUniform(-1, 1, new Shape(BATCH, CHANNELS_IN, rows, columns)).toType(dataType, false);
      kernel = manager.randomUniform(-1, 1, new Shape(WIDTH, CHANNELS_IN, kernelRows, 3)).toType(dataType, false);
      if (type.endsWith("-padded")) {
        Shape zeros = new Shape(0, 0, 0, 0, 0, PADDED_CHANNELS_IN - CHANNELS_IN);
        input = input.pad(zeros, 0);
        kernel = kernel.pad(zeros, 0);
      }
      padding = new Shape(kernelRows / 2, 1);
    }
  }
}
