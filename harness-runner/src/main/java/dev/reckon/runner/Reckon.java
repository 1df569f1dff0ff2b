package dev.reckon.runner;

import com.google.inject.AbstractModule;
import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.reckon.runner.execution.ExecutionModule;
import dev.reckon.runner.plugins.PluginModule;
import dev.reckon.runner.reporting.ReportingModule;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code reckon} command line. */
@Command(name = "reckon", mixinStandardHelpOptions = true, versionProvider = Reckon.Version.class,
    description = "Benchmarks reasoning models: test-time compute, generalisation, compositional retrieval.",
    subcommands = {ListCommand.class, LockCommand.class, RunCommand.class, MergeCommand.class, ReportCommand.class,
        CheckCommand.class, CompareCommand.class, HistoryCommand.class, AnalyzeCommand.class, SlurmCommand.class,
        VerifyPluginCommand.class, CommandLine.HelpCommand.class})
public final class Reckon {
  /** Usage errors: an unknown id, a bad option, a malformed input file. */
  public static final int USAGE = 2;
  /** A command that could not finish: a file it could not write (a full disk), cells that failed. */
  public static final int FAILED = 1;

  public static void main(String[] args) {
    // Nothing is ever downloaded: the native engine comes with the distribution's lib/.
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    // Reports draw charts with AWT but never open a window: no display is needed, even where one is set.
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args, System.out, System.err, System.console() != null));
  }

  /**
   * Runs one command and returns its exit status: 0 ok, 1 some cells failed ({@code run}), a number
   * got worse ({@code check}) or a file could not be written, 2 usage error.
   */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean interactive) {
    Console console = new Console(out, err, interactive);
    Injector injector = Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
        bind(Console.class).toInstance(console);
      }
    }, new PluginModule(), new ExecutionModule(), new ReportingModule());
    CommandLine commandLine = new CommandLine(new Reckon(), new GuiceFactory(injector))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler((error, given) -> {
          // One sentence, as for every usage error; the full usage is a --help away.
          err.println("reckon: " + error.getMessage() + " (see "
              + error.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
          return USAGE;
        })
        .setExecutionExceptionHandler((error, line, parsed) -> {
          if (error instanceof UsageException) {
            err.println("reckon: " + error.getMessage());
            return USAGE;
          }
          if (error instanceof CommandFailedException) {
            err.println("reckon: " + error.getMessage());
            return FAILED;
          }
          if (error instanceof UncheckedIOException io) {
            err.println("reckon: " + Errors.ioFailure(io));
            return FAILED;
          }
          throw error;
        });
    return commandLine.execute(args);
  }

  /** Lets picocli build commands through the injector, so they receive their collaborators. */
  private record GuiceFactory(Injector injector) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return injector.getInstance(type);
      } catch (ConfigurationException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"reckon " + dev.reckon.runner.results.ManifestFactory.harnessVersion()};
    }
  }
}
