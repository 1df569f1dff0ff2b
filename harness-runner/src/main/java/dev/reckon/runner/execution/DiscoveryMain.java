package dev.reckon.runner.execution;

import dev.reckon.api.Config;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.runner.Errors;
import dev.reckon.runner.execution.PlanningAnswers.ModelAnswer;
import dev.reckon.runner.execution.PlanningQuestions.ModelOnTask;
import dev.reckon.runner.execution.PlanningQuestions.TaskAtSettings;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.PluginFiles;
import dev.reckon.runner.plugins.PluginLoader;
import dev.reckon.runner.plugins.PluginRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The entry point of discovery's process ({@link DiscoveryProcess} starts it): loads the spec's
 * plugins and describes them, or answers planning's questions. Plugin code outside the cells runs
 * only here, so a constructor that hangs, a {@code System.exit} in {@code models()} or a task
 * that fills the heap in {@code create()} ends this process, not the runner.
 *
 * <p>Standard output is the channel to the runner ({@link CellChannel}): before each step that
 * runs plugin code a line names it ({@link #STEP}), so that the runner knows whose code hung or
 * ended the process; then the answer, as the channel's one message. What plugins print goes to
 * standard error.
 */
public final class DiscoveryMain {
  /** The prefix of a step line: {@code reckon-step plugin|task|model INDEX}, an index into the spec. */
  static final String STEP = "reckon-step ";

  static final String PLUGIN = "plugin";
  static final String TASK = "task";
  static final String MODEL = "model";

  private DiscoveryMain() {}

  /** {@code DiscoveryMain SPEC_FILE}. */
  public static void main(String[] args) throws IOException {
    PrintStream channel = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    CellMain.endWithTheRunner(System.in);
    DiscoverySpec spec = CellJson.read(Path.of(args[0]), DiscoverySpec.class);
    Steps steps = (kind, index) -> {
      synchronized (channel) {
        channel.println(STEP + kind + " " + index);
        channel.flush();
      }
    };
    PluginRegistry registry = new PluginLoader().load(new PluginFiles.Found(spec.plugins(), List.of()),
        plugin -> steps.begin(PLUGIN, spec.plugins().indexOf(plugin)));
    Object answer = spec.questions() == null ? registry.catalog() : answer(registry, spec.questions(), steps);
    synchronized (channel) {
      CellChannel.sendResult(channel, CellJson.line(answer).getBytes(StandardCharsets.UTF_8));
    }
    // Not System.exit: a plugin's shutdown hook has nothing to do here, and could hang.
    Runtime.getRuntime().halt(0);
  }

  /** Tells the runner that a step begins. */
  interface Steps {
    void begin(String kind, int index);
  }

  /**
   * Makes each task at its settings, and asks each model about it while it is there; a task that
   * cannot be used is asked about by no model.
   */
  static PlanningAnswers answer(PluginRegistry registry, PlanningQuestions questions, Steps steps) {
    List<MadeTask> tasks = new ArrayList<>();
    ModelAnswer[] models = new ModelAnswer[questions.models().size()];
    for (int t = 0; t < questions.tasks().size(); t++) {
      steps.begin(TASK, t);
      TaskAtSettings asked = questions.tasks().get(t);
      Optional<DiscoveredTask> task = registry.task(asked.task());
      Task instance = null;
      MadeTask made;
      try {
        if (task.isEmpty()) {
          made = MadeTask.unusable("its plugin did not load in planning's process");
        } else {
          instance = task.get().create(new TaskContext(Config.resolve(task.get().described().settings(),
              asked.config()), asked.seed()));
          made = MadeTask.of(instance, asked.levels());
        }
      } catch (RuntimeException | LinkageError e) {
        made = MadeTask.unusable("it cannot be made at its settings: " + Errors.oneLine(e));
      }
      tasks.add(made);
      if (made.unusable().isPresent()) {
        continue;
      }
      for (int m = 0; m < models.length; m++) {
        if (questions.models().get(m).task() == t) {
          steps.begin(MODEL, m);
          models[m] = ask(registry, questions.models().get(m), instance);
        }
      }
    }
    return new PlanningAnswers(tasks, Arrays.asList(models), registry.failures());
  }

  /** Whether the model supports the task, and for a learning model that does, its training work. */
  private static ModelAnswer ask(PluginRegistry registry, ModelOnTask asked, Task task) {
    Optional<DiscoveredModel> found = registry.model(asked.model());
    if (found.isEmpty()) {
      return ModelAnswer.failed("model " + asked.model() + " did not load in planning's process");
    }
    DiscoveredModel model = found.get();
    try {
      Support support = model.factory().supports(TaskForModels.of(task, model.factory()));
      if (support == null) {
        return ModelAnswer.failed(model.id() + "'s supports() returned null");
      }
      if (!support.supported()) {
        return ModelAnswer.skipped(support.reason());
      }
    } catch (RuntimeException | LinkageError e) {
      return ModelAnswer.failed(model.id() + "'s supports() failed: " + Errors.oneLine(e));
    }
    if (!model.described().learns()) {
      return ModelAnswer.runs(OptionalLong.empty());
    }
    try {
      OptionalLong work = model.factory().trainingWork(Config.resolve(model.described().settings(), asked.config()));
      return ModelAnswer.runs(work == null ? OptionalLong.empty() : work);
    } catch (RuntimeException | LinkageError e) {
      return ModelAnswer.failed(model.id() + "'s trainingWork() failed: " + Errors.oneLine(e));
    }
  }
}
