package dev.reckon.runner.execution;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.reckon.runner.UsageException;
import java.util.Locale;

/**
 * The device a run computes on, chosen from {@code --device auto|cpu|gpu[:N]}: auto takes the
 * first GPU when the PyTorch engine sees one.
 *
 * @param name DJL's device name handed to models ({@code cpu}, {@code gpu0})
 * @param engine the engine that will run the models
 */
public record ComputeDevice(String name, Engine engine) {
  static final String ENGINE = "PyTorch";

  /** Loads the engine (host class loader, so every plugin shares its native library) and picks. */
  public static ComputeDevice choose(String requested) {
    String wanted = requested.toLowerCase(Locale.ROOT).trim();
    if (!wanted.equals("auto") && !wanted.equals("cpu") && !wanted.matches("gpu(:\\d+)?")) {
      throw new UsageException("--device must be auto, cpu, gpu or gpu:N, not '" + requested + "'");
    }
    Engine engine = Engine.getEngine(ENGINE);
    int gpus = engine.getGpuCount();
    if (wanted.equals("cpu") || (wanted.equals("auto") && gpus == 0)) {
      return new ComputeDevice("cpu", engine);
    }
    int index = wanted.startsWith("gpu:") ? Integer.parseInt(wanted.substring(4)) : 0;
    if (index >= gpus) {
      throw new UsageException("--device " + requested + " asks for GPU " + index + " but the " + ENGINE
          + " engine sees " + gpus + " GPU(s); use --device cpu, or build with -Pcuda on a machine with CUDA");
    }
    return new ComputeDevice("gpu" + index, engine);
  }

  /**
   * Turns autograd off on the calling thread, as the engine leaves the thread that loads it.
   * PyTorch keeps the switch per thread and a new thread starts with it on: there, every op on
   * trainable weights outside a {@code GradientCollector} records a graph, so a model that runs
   * its network step after step at evaluation keeps every step's tensors alive through the
   * state's history. Models then behave in a cell's thread as they do in their own tests.
   */
  public static void withoutAutogradOnThisThread() {
    Engine.getEngine(ENGINE);
    JniUtils.setGradMode(false);
  }
}
