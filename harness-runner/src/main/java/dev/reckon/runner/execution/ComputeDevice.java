package dev.reckon.runner.execution;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
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
    Engine engine = started();
    int gpus = engine.getGpuCount();
    if (wanted.equals("cpu") || (wanted.equals("auto") && gpus == 0)) {
      return new ComputeDevice("cpu", engine);
    }
    int index = wanted.startsWith("gpu:") ? Integer.parseInt(wanted.substring(4)) : 0;
    if (index >= gpus) {
      throw new UsageException("--device " + requested + " asks for GPU " + index + " but the " + ENGINE
          + " engine on " + host() + " sees " + gpus + " GPU(s) (CUDA_VISIBLE_DEVICES="
          + System.getenv().getOrDefault("CUDA_VISIBLE_DEVICES", "unset") + "); use --device cpu, or build with "
          + "-Pcuda on a machine with CUDA");
    }
    return new ComputeDevice("gpu" + index, engine);
  }

  /**
   * The engine, or one sentence saying why it cannot start here and what to do: nothing is
   * downloaded at run time, and the CUDA library of a {@code -Pcuda} build (bin/reckon takes it
   * where an NVIDIA driver is loaded) needs a driver for CUDA 12.4 that the engine can use.
   */
  private static Engine started() {
    try {
      return Engine.getEngine(ENGINE);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new UsageException("the " + ENGINE + " engine of this distribution (" + nativeLibrary() + ") cannot start on "
          + host() + ": " + dev.reckon.runner.Errors.oneLine(e) + "; the CUDA library needs an NVIDIA driver for CUDA "
          + "12.4, and RECKON_NATIVE=cpu runs a GPU build on its CPU library", e);
    }
  }

  /** What the engine sees on this machine, for {@code reckon list}: its library, CUDA and GPUs. */
  public static String seen() {
    Engine engine = started();
    return ENGINE + " " + engine.getVersion() + " from " + nativeLibrary() + " (loaded from "
        + LibUtils.getLibtorchPath() + "), CUDA " + cudaVersion() + ", " + engine.getGpuCount()
        + " GPU(s) on " + host();
  }

  /** The engine's native library as the class path brings it, e.g. {@code pytorch-native-cpu-2.5.1-linux-x86_64.jar}. */
  public static String nativeLibrary() {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String name = java.nio.file.Path.of(entry).getFileName() == null ? "" : java.nio.file.Path.of(entry).getFileName()
          .toString();
      if (name.startsWith("pytorch-native-")) {
        return name;
      }
    }
    return "no pytorch-native jar on the class path";
  }

  /** The CUDA version the engine sees, or {@code none}. */
  public static String cudaVersion() {
    return ai.djl.util.cuda.CudaUtils.hasCuda() ? ai.djl.util.cuda.CudaUtils.getCudaVersionString() : "none";
  }

  /** The machine's name: in the manifest of each shard of a run spread over a cluster, and in errors. */
  public static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return System.getenv().getOrDefault("HOSTNAME", "unknown");
    }
  }

  /**
   * Starts loading the engine on a thread of its own with the host's class loader, where DJL finds
   * its engine and native library (a plugin's class loader sees neither), while the calling
   * thread goes on with other work.
   */
  public static void startLoading() {
    Thread loader = new Thread(() -> {
      try {
        Engine.getEngine(ENGINE);
      } catch (RuntimeException e) {
        // the cell's own call to withoutAutogradOnThisThread meets the same error and reports it
      }
    }, "engine-loader");
    loader.setDaemon(true);
    loader.setContextClassLoader(ComputeDevice.class.getClassLoader());
    loader.start();
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
