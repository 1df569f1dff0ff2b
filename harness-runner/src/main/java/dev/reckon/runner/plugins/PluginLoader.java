package dev.reckon.runner.plugins;

import dev.reckon.api.Analysis;
import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import dev.reckon.runner.Errors;
import dev.reckon.tck.SafeNames;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads plugins, each in its own class loader, and describes what they offer: in the processes
 * where plugin code runs (discovery's, a cell's, {@code verify-plugin}'s), never in the runner,
 * which reads discovery's answer ({@link PluginCatalog}). A plugin that cannot be used is reported
 * with the reason and the others still load; when two plugins offer one id, the one loaded first
 * keeps it.
 */
public final class PluginLoader {
  private final ClassLoader host = PluginLoader.class.getClassLoader();

  public PluginRegistry load(List<Path> directories) {
    return load(PluginFiles.in(directories), plugin -> {});
  }

  /** The plugins of these jars or plugin directories, in this order: the first to offer an id keeps it. */
  public PluginRegistry loadEach(List<Path> sources) {
    return load(PluginFiles.of(sources), plugin -> {});
  }

  /**
   * The plugins {@code found}, in their order, each refused when a jar of it is no longer what was
   * hashed. {@code loading} is told of each plugin before its code runs: discovery's process tells
   * the runner, which so knows whose code hung or ended the process.
   */
  public PluginRegistry load(PluginFiles.Found found, Consumer<Plugin> loading) {
    List<Plugin> plugins = new ArrayList<>();
    Map<String, DiscoveredTask> tasks = new LinkedHashMap<>();
    Map<String, DiscoveredModel> models = new LinkedHashMap<>();
    Map<String, DiscoveredAnalysis> analyses = new LinkedHashMap<>();
    List<PluginFailure> failures = new ArrayList<>(found.failures());
    for (Plugin plugin : found.plugins()) {
      loading.accept(plugin);
      try {
        ClassLoader loader = open(plugin);
        List<ReckonPlugin> providers = providers(loader);
        plugins.add(plugin);
        Path source = plugin.source();
        for (ReckonPlugin provider : providers) {
          register(plugin, loader, provider.tasks(), TaskFactory::id, TaskFactory.class, tasks, "task",
              (task, id) -> new DiscoveredTask(task, new DescribedTask(id, task.version(), task.description(),
                  task.settings(), source), loader), failures);
          register(plugin, loader, provider.models(), ModelFactory::id, ModelFactory.class, models, "model",
              (model, id) -> new DiscoveredModel(model, new DescribedModel(id, model.version(), model.description(),
                  model.settings(), model.iterationMeaning(), model.learns(), model.usesReferenceSolver(), source),
                  loader), failures);
          register(plugin, loader, provider.analyses(), Analysis::id, Analysis.class, analyses, "analysis",
              (analysis, id) -> new DiscoveredAnalysis(analysis, new DescribedAnalysis(id, analysis.description(),
                  source)), failures);
        }
      } catch (PluginException e) {
        failures.add(new PluginFailure(plugin.source(), e.getMessage()));
      } catch (RuntimeException | LinkageError e) {
        failures.add(new PluginFailure(plugin.source(), "failed while loading: " + Errors.oneLine(e)));
      }
    }
    return new PluginRegistry(plugins, tasks, models, analyses, failures);
  }

  /** The plugin's class loader, once each of its jars is found to be what was hashed. */
  private ClassLoader open(Plugin plugin) throws PluginException {
    for (Plugin.Jar jar : plugin.jars()) {
      if (!PluginFiles.sha256(jar.path()).equals(jar.sha256())) {
        throw new PluginException("its jar " + jar.path().getFileName() + " changed since it was found and hashed; "
            + "it is not loaded");
      }
    }
    List<URL> urls = plugin.jars().stream().map(jar -> url(jar.path())).toList();
    return new PluginClassLoader(plugin.source().getFileName().toString(), urls, host);
  }

  private static List<ReckonPlugin> providers(ClassLoader loader) throws PluginException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      List<ReckonPlugin> providers = new ArrayList<>();
      for (ReckonPlugin provider : ServiceLoader.load(ReckonPlugin.class, loader)) {
        int version = provider.apiVersion();
        if (version != ApiVersion.CURRENT) {
          throw new PluginException("built for api version " + version + ", but this runner speaks api version "
              + ApiVersion.CURRENT + "; rebuild it against dev.reckon:harness-api of api version " + ApiVersion.CURRENT
              + " (see docs/writing-a-plugin.md)");
        }
        providers.add(ContextClassLoaders.wrap(ReckonPlugin.class, provider, loader));
      }
      return providers;
    } catch (ServiceConfigurationError e) {
      throw new PluginException("its plugin class could not be created: " + Errors.oneLine(e));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Registers each offered item under its id, described: its metadata read once, here. An item
   * whose id, version or settings cannot be read, or whose id is not a {@linkplain SafeNames safe
   * name}, is refused with the reason; the plugin's other items still load.
   */
  private static <T, D extends Discovered> void register(Plugin plugin, ClassLoader loader, List<T> offered,
      Function<T, String> id, Class<T> type, Map<String, D> known, String kind, BiFunction<T, String, D> describe,
      List<PluginFailure> failures) {
    if (offered == null) {
      failures.add(new PluginFailure(plugin.source(), "its list of " + kind + "s is null"));
      return;
    }
    for (T item : offered) {
      String name = null;
      D discovered;
      try {
        if (item == null) {
          throw new IllegalArgumentException("it offers a null " + kind);
        }
        T wrapped = ContextClassLoaders.wrap(type, item, loader);
        name = SafeNames.require(kind + " id", id.apply(wrapped));
        discovered = describe.apply(wrapped, name);
      } catch (RuntimeException | LinkageError e) {
        String reason = e instanceof IllegalArgumentException ? e.getMessage() : Errors.oneLine(e);
        failures.add(new PluginFailure(plugin.source(), kind + (name == null ? "" : " '" + name + "'")
            + " refused: " + reason));
        continue;
      }
      D existing = known.get(name);
      if (existing != null) {
        failures.add(new PluginFailure(plugin.source(), kind + " id '" + name + "' is already provided by "
            + existing.plugin() + "; this one is ignored"));
      } else {
        known.put(name, discovered);
      }
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(jar + " has no URL form", e);
    }
  }

  private static final class PluginException extends Exception {
    PluginException(String message) {
      super(message);
    }
  }
}
