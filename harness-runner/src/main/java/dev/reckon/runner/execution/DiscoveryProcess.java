package dev.reckon.runner.execution;

import dev.reckon.runner.Errors;
import dev.reckon.runner.execution.PlanningAnswers.ModelAnswer;
import dev.reckon.runner.execution.PlanningQuestions.ModelOnTask;
import dev.reckon.runner.execution.PlanningQuestions.TaskAtSettings;
import dev.reckon.runner.plugins.Plugin;
import dev.reckon.runner.plugins.PluginCatalog;
import dev.reckon.runner.plugins.PluginFailure;
import dev.reckon.runner.plugins.PluginFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Runs the plugin code of discovery and planning in a process of its own ({@link DiscoveryMain}),
 * never in the runner: plugin constructors, {@code models()}, {@code tasks()} and metadata; tasks
 * made at their settings, their levels, {@code supports()} and {@code trainingWork()}. The process
 * runs in the cells' {@link Sandbox} when the run has one, sees the plugin jars read-only and
 * loads a jar only while it has the sha256 the runner read, has a heap of {@value #HEAP_MIB} MiB,
 * and each of its steps a time limit.
 *
 * <p>The process names each step before its plugin code runs. When it hangs past the limit, ends,
 * or runs out of memory, the step's plugin, task or model is named (a {@link PluginFailure} that
 * broke its process: {@code list} and {@code run} exit 1 for it), left out, and the process starts
 * again without it: one process for all the plugins, and one more for each that breaks it (a JVM
 * a plugin would cost more than the whole of discovery).
 */
public final class DiscoveryProcess {
  /** The heap of discovery's process: ample for the plugins and one task at a time, far below a hostile array. */
  static final int HEAP_MIB = 1024;

  /** Time the process gets to start (a JVM, the class path), before its first step. */
  private static final Duration START_LIMIT = Duration.ofMinutes(2);

  /** Time the runner waits, after the process ended, for the rest of what it sent. */
  private static final Duration DRAIN = Duration.ofSeconds(30);

  /**
   * The most of what the process prints (besides its steps and answer) that the runner keeps: enough
   * to tell an out-of-memory end, which the JVM says on standard output, from another.
   */
  private static final int PRINTED_TAIL = 8192;

  private final Sandbox sandbox;
  private final Duration timeLimit;

  /** @param timeLimit the most one step (a plugin's loading, a task's making, a model's answer) may take */
  public DiscoveryProcess(Sandbox sandbox, Duration timeLimit) {
    this.sandbox = sandbox;
    this.timeLimit = timeLimit;
  }

  /** The step whose plugin code ran when the process hung or ended ({@link DiscoveryMain#STEP}). */
  private record Step(String kind, int index) {}

  /** How one run of the process ended: with its answer, or broken at a step. */
  private sealed interface Attempt<T> permits Answered, Broke {}

  private record Answered<T>(T answer) implements Attempt<T> {}

  /** @param what what the step's code did, e.g. {@code did not finish within 60 s, ...} */
  private record Broke<T>(Step step, String what) implements Attempt<T> {}

  /**
   * The plugins in {@code directories} as discovery's process describes them, with the sources that
   * are not plugins, the offerings it refused, and the plugins that broke it.
   */
  public PluginCatalog catalog(List<Path> directories) {
    PluginFiles.Found found = PluginFiles.in(directories);
    List<Plugin> left = new ArrayList<>(found.plugins());
    List<PluginFailure> broken = new ArrayList<>();
    while (true) {
      List<Plugin> asked = List.copyOf(left);
      Attempt<PluginCatalog> attempt = run(new DiscoverySpec(asked, null), json -> {
        PluginCatalog catalog = CellJson.parse(json, PluginCatalog.class);
        if (!asked.containsAll(catalog.plugins())) {
          throw new IllegalArgumentException("it names plugins it was not given");
        }
        return catalog;
      });
      if (attempt instanceof Answered<PluginCatalog> answered) {
        PluginCatalog catalog = answered.answer();
        return new PluginCatalog(catalog.plugins(), catalog.tasks(), catalog.models(), catalog.analyses(),
            Stream.of(found.failures(), catalog.failures(), broken).flatMap(List::stream).toList());
      }
      Broke<PluginCatalog> broke = (Broke<PluginCatalog>) attempt;
      Plugin culprit = asked.get(index(broke.step(), DiscoveryMain.PLUGIN, asked.size()));
      broken.add(new PluginFailure(culprit.source(), "loading it in discovery's process, its code " + broke.what()
          + "; it is skipped", true));
      left.remove(culprit);
    }
  }

  /**
   * The answers to planning's {@code questions} about the tasks and models of {@code catalog}. A
   * task or model whose code broke the process is named among the answers' failures and answered
   * for with why (the task unusable, the model's cells failed); the process runs again without it.
   */
  public PlanningAnswers answer(PlanningQuestions questions, PluginCatalog catalog) {
    Broken broken = new Broken();
    while (true) {
      List<Integer> tasks = IntStream.range(0, questions.tasks().size())
          .filter(t -> !broken.tasks.containsKey(questions.tasks().get(t).task())).boxed().toList();
      List<Integer> models = IntStream.range(0, questions.models().size())
          .filter(m -> !broken.models.containsKey(questions.models().get(m).model())
              && tasks.contains(questions.models().get(m).task())).boxed().toList();
      PlanningQuestions asked = new PlanningQuestions(tasks.stream().map(questions.tasks()::get).toList(),
          models.stream().map(questions.models()::get).map(model -> new ModelOnTask(model.model(), model.config(),
              tasks.indexOf(model.task()))).toList());
      List<Plugin> plugins = pluginsOf(asked, catalog);
      // No process for no question: a suite of missing tasks, or every task broke one.
      Attempt<PlanningAnswers> attempt = asked.tasks().isEmpty()
          ? new Answered<>(new PlanningAnswers(List.of(), List.of(), List.of()))
          : run(new DiscoverySpec(plugins, asked), json -> {
            PlanningAnswers answers = CellJson.parse(json, PlanningAnswers.class);
            if (answers.tasks().size() != tasks.size() || answers.models().size() != models.size()) {
              throw new IllegalArgumentException("it answers other questions than it was asked");
            }
            return answers;
          });
      if (attempt instanceof Answered<PlanningAnswers> answered) {
        return broken.merged(questions, tasks, models, answered.answer());
      }
      broken.blame((Broke<PlanningAnswers>) attempt, asked, plugins, catalog);
    }
  }

  /** What planning's process broke at so far: the tasks and models left out, each with why, and their failures. */
  private static final class Broken {
    final Map<String, String> tasks = new HashMap<>();
    final Map<String, String> models = new HashMap<>();
    final List<PluginFailure> failures = new ArrayList<>();

    /** Leaves out the plugin, task or model of the step {@code broke} names. */
    void blame(Broke<?> broke, PlanningQuestions asked, List<Plugin> plugins, PluginCatalog catalog) {
      switch (broke.step().kind()) {
        case DiscoveryMain.PLUGIN -> {
          Plugin plugin = plugins.get(index(broke.step(), DiscoveryMain.PLUGIN, plugins.size()));
          String why = "loading its plugin in planning's process, its code " + broke.what();
          failures.add(new PluginFailure(plugin.source(), "loading it in planning's process, its code "
              + broke.what(), true));
          catalog.tasks().stream().filter(task -> task.plugin().equals(plugin.source()))
              .forEach(task -> tasks.put(task.id(), why));
          catalog.models().stream().filter(model -> model.plugin().equals(plugin.source()))
              .forEach(model -> models.put(model.id(), why));
        }
        case DiscoveryMain.TASK -> {
          String task = asked.tasks().get(index(broke.step(), DiscoveryMain.TASK, asked.tasks().size())).task();
          String why = "making it at its settings in planning's process, its code " + broke.what();
          tasks.put(task, why);
          failures.add(new PluginFailure(catalog.task(task).orElseThrow().plugin(), "task " + task + ": " + why, true));
        }
        default -> {
          ModelOnTask model = asked.models().get(index(broke.step(), DiscoveryMain.MODEL, asked.models().size()));
          String why = model.model() + ": asking it in planning's process whether it supports task "
              + asked.tasks().get(model.task()).task() + ", its code " + broke.what();
          models.put(model.model(), why);
          failures.add(new PluginFailure(catalog.model(model.model()).orElseThrow().plugin(), "model " + why, true));
        }
      }
    }

    /**
     * The answers to all of {@code questions}: those the process gave to the questions of indexes
     * {@code tasks} and {@code models}, and for the rest why not.
     */
    PlanningAnswers merged(PlanningQuestions questions, List<Integer> tasks, List<Integer> models,
        PlanningAnswers answers) {
      List<MadeTask> made = new ArrayList<>();
      for (int t = 0; t < questions.tasks().size(); t++) {
        String task = questions.tasks().get(t).task();
        made.add(this.tasks.containsKey(task) ? MadeTask.unusable(this.tasks.get(task))
            : answers.tasks().get(tasks.indexOf(t)));
      }
      List<ModelAnswer> answered = new ArrayList<>();
      for (int m = 0; m < questions.models().size(); m++) {
        ModelOnTask model = questions.models().get(m);
        String task = questions.tasks().get(model.task()).task();
        answered.add(this.tasks.containsKey(task) ? null : this.models.containsKey(model.model())
            ? ModelAnswer.failed(this.models.get(model.model())) : answers.models().get(models.indexOf(m)));
      }
      return new PlanningAnswers(made, answered, Stream.concat(answers.failures().stream(), failures.stream())
          .toList());
    }
  }

  /** The plugins the questions need, in discovery order: those of their tasks and models, no other. */
  private static List<Plugin> pluginsOf(PlanningQuestions questions, PluginCatalog catalog) {
    Set<Path> sources = new LinkedHashSet<>();
    questions.tasks().stream().map(TaskAtSettings::task)
        .forEach(task -> sources.add(catalog.task(task).orElseThrow().plugin()));
    questions.models().stream().map(ModelOnTask::model)
        .forEach(model -> sources.add(catalog.model(model).orElseThrow().plugin()));
    return catalog.plugins().stream().filter(plugin -> sources.contains(plugin.source())).toList();
  }

  /** The index of a step of {@code kind}, below {@code size}: any other step is one the process was not given. */
  private static int index(Step step, String kind, int size) {
    if (!step.kind().equals(kind) || step.index() < 0 || step.index() >= size) {
      throw new IllegalStateException("discovery's process broke at a step it was not given: " + step);
    }
    return step.index();
  }

  /** One run of the process on {@code spec}, its answer read with {@code parse} (which throws at a malformed one). */
  private <T> Attempt<T> run(DiscoverySpec spec, Function<String, T> parse) {
    Path work = null;
    try {
      // A cell's layout, which the sandbox mounts: the spec, a private /tmp, a (here unused) checkpoint folder.
      work = Files.createTempDirectory("reckon-discovery");
      Files.createDirectories(work.resolve("tmp"));
      Files.createDirectories(work.resolve("checkpoint"));
      CellJson.write(work.resolve("cell.json"), spec);
      return await(start(work, spec), parse);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start discovery's process", e);
    } finally {
      if (work != null) {
        ChildJvm.deleteQuietly(work);
      }
    }
  }

  private Process start(Path work, DiscoverySpec spec) throws IOException {
    // A plugin that fills the heap ends the process at once, not after its catch blocks; the
    // process is short, so the quick compiler alone and the serial collector cost it the least
    // (measured: a fifth less CPU for discovery of the built-in plugins).
    List<String> options = new ArrayList<>(List.of("-Xmx" + HEAP_MIB + "m", "-XX:+ExitOnOutOfMemoryError",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    if (sandbox.active()) {
      options.addAll(Sandbox.jvmOptions());
    }
    String specFile = sandbox.active() ? Sandbox.SPEC : work.resolve("cell.json").toString();
    ProcessBuilder builder = ChildJvm.of(DiscoveryMain.class, options, List.of(specFile));
    if (sandbox.active()) {
      // The files that levels name (a file of published puzzles) are read when the task makes such a level.
      List<Path> dataFiles = spec.questions() == null ? List.of() : CellProcess.dataFiles(spec.questions().tasks()
          .stream().flatMap(task -> task.levels().stream()));
      builder.command(sandbox.wrap(builder.command(), builder.environment(), new Sandbox.Mounts(work, null,
          spec.plugins().stream().map(Plugin::source).toList(), false, dataFiles, List.of())));
    }
    return builder.start();
  }

  private <T> Attempt<T> await(Process process, Function<String, T> parse) {
    long spawned = System.nanoTime();
    AtomicReference<Step> step = new AtomicReference<>();
    AtomicLong stepStarted = new AtomicLong();
    AtomicReference<CellChannel.Reading> reading = new AtomicReference<>();
    StringBuffer printed = new StringBuffer();
    Thread reader = new Thread(() -> reading.set(relay(process, step, stepStarted, printed)), "discovery-channel");
    reader.setDaemon(true);
    reader.start();
    Thread errorReader = new Thread(() -> keepTail(process.getErrorStream(), printed), "discovery-errors");
    errorReader.setDaemon(true);
    errorReader.start();
    Thread stopper = new Thread(() -> ChildJvm.kill(process));
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
        long now = System.nanoTime();
        if (step.get() == null && now - spawned > START_LIMIT.toNanos()) {
          ChildJvm.kill(process);
          throw new IllegalStateException("discovery's process did not start within " + START_LIMIT.toSeconds()
              + " s");
        }
        if (step.get() != null && now - stepStarted.get() > timeLimit.toNanos()) {
          ChildJvm.kill(process);
          return new Broke<>(step.get(), "did not finish within " + timeLimit.toSeconds() + " s (the limit of "
              + "--plugin-time-limit), so the process was ended");
        }
      }
      reader.join(DRAIN.toMillis());
      errorReader.join(TimeUnit.SECONDS.toMillis(5));
      CellChannel.Reading read = reading.get();
      String what;
      if (read == null) {
        what = "left the process's channel open after it ended (a process it started holds it)";
      } else if (read.violation().isPresent()) {
        what = read.violation().get();
      } else if (process.exitValue() != 0 || read.result().isEmpty()) {
        what = printed.indexOf("OutOfMemoryError") >= 0 ? "ran out of memory (the process has a heap of " + HEAP_MIB
            + " MiB)" : "ended the process with exit status " + process.exitValue() + " ("
            + ChildJvm.cause(process.exitValue(), "it") + ")";
      } else {
        try {
          return new Answered<>(parse.apply(new String(read.result().get(), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
          what = "sent an answer that is not one: " + Errors.oneLine(e);
        }
      }
      if (step.get() == null) {
        throw new IllegalStateException("discovery's process " + what + " before it ran plugin code: "
            + printed.toString().strip());
      }
      return new Broke<>(step.get(), what);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ChildJvm.kill(process);
      throw new IllegalStateException("interrupted while discovering plugins", e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException e) {
        // the runner is shutting down: the hook is running and ends the process
      }
    }
  }

  /**
   * Reads the channel: each step line marks the step begun and its time, any other line is kept in
   * {@code printed}; the answer is the reading's result.
   */
  private static CellChannel.Reading relay(Process process, AtomicReference<Step> step, AtomicLong stepStarted,
      StringBuffer printed) {
    try (InputStream in = new BufferedInputStream(process.getInputStream())) {
      CellChannel.Reading read = new CellChannel().read(in, new CellChannel.Listener() {
        @Override
        public void started() {
          // discovery's process sends no such line
        }

        @Override
        public void progress(int done, int total) {
          // nor this
        }

        @Override
        public void other(byte[] line, int length) {
          String text = new String(line, 0, length, StandardCharsets.UTF_8);
          String[] words = text.split(" ");
          if (text.startsWith(DiscoveryMain.STEP) && words.length == 3 && words[2].matches("\\d{1,9}")) {
            step.set(new Step(words[1], Integer.parseInt(words[2])));
            stepStarted.set(System.nanoTime());
          } else {
            keep(printed, text + "\n");
          }
        }
      });
      if (read.violation().isPresent()) {
        ChildJvm.kill(process);
      }
      return read;
    } catch (IOException | RuntimeException e) {
      // the process ended mid-message; its exit status tells the rest
      return CellChannel.Reading.ended();
    }
  }

  /** Keeps the tail of what the process prints on standard error in {@code printed}. */
  private static void keepTail(InputStream errors, StringBuffer printed) {
    byte[] buffer = new byte[8192];
    try (InputStream in = errors) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        keep(printed, new String(buffer, 0, read, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Appends {@code text} to {@code printed}, keeping its last {@value #PRINTED_TAIL} characters. */
  private static void keep(StringBuffer printed, String text) {
    synchronized (printed) {
      printed.append(text);
      if (printed.length() > PRINTED_TAIL) {
        printed.delete(0, printed.length() - PRINTED_TAIL);
      }
    }
  }
}
