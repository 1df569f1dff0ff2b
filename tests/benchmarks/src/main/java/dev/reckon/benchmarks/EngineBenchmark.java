package dev.reckon.benchmarks;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the engine benchmarks share: one manager for the trial, a sub-manager for each invocation,
 * closed after it so that measured arrays do not pile up, and autograd off on JMH's threads.
 */
public abstract class EngineBenchmark {
  protected NDManager manager;
  protected NDManager invocation;

  /** Opens the trial's manager with the engine's random seed set; call it from the trial set-up. */
  protected void openEngine(int seed) {
    manager = NDManager.newBaseManager();
    manager.getEngine().setRandomSeed(seed);
  }

  /** JMH's worker threads are new threads, where PyTorch records autograd graphs unless told not to. */
  @Setup(Level.Iteration)
  public void withoutAutograd() {
    JniUtils.setGradMode(false);
  }

  @Setup(Level.Invocation)
  public void openInvocation() {
    invocation = manager.newSubManager();
  }

  @TearDown(Level.Invocation)
  public void closeInvocation() {
    invocation.close();
  }

  @TearDown(Level.Trial)
  public void closeEngine() {
    manager.close();
  }
}
